using System.ComponentModel.DataAnnotations;

namespace LiveBot.Core.Configuration;

/// <summary>
/// <see cref="RangeAttribute"/> for settings. The options validator generator swaps a plain <c>[Range]</c>
/// for its own copy, which ignores <see cref="ValidationAttribute.ErrorMessage"/> and speaks English; a
/// derived attribute is used as it is, so the French message given here is the one shown.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class InRangeAttribute : RangeAttribute
{
    public InRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    public InRangeAttribute(double minimum, double maximum)
        : base(minimum, maximum)
    {
    }

    public InRangeAttribute(Type type, string minimum, string maximum)
        : base(type, minimum, maximum)
    {
    }
}
