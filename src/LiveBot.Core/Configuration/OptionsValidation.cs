using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiveBot.Core.Configuration;

/// <summary>
/// The one way settings are checked: each options type has a source-generated validator
/// (<c>[OptionsValidator]</c>, from its data annotations and its <c>IValidatableObject</c> rules), with
/// messages in French, run when the host starts.
/// </summary>
public static class OptionsValidation
{
    /// <summary>Registers <paramref name="validator"/> for the options and checks them at start.</summary>
    public static OptionsBuilder<TOptions> ValidateWith<TOptions>(this OptionsBuilder<TOptions> builder, IValidateOptions<TOptions> validator)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton(validator));
        return builder.ValidateOnStart();
    }
}
