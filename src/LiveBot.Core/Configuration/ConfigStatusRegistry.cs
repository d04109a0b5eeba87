using System.Collections.Concurrent;

namespace LiveBot.Core.Configuration;

/// <summary>The state of every moderators' file, for <c>/healthz</c> and the presenter page.</summary>
public sealed class ConfigStatusRegistry
{
    public const string Ok = "ok";

    private readonly ConcurrentDictionary<string, string> _states = new(StringComparer.Ordinal);

    /// <summary>Raised after a file's state changed (reloaded, or broken).</summary>
    public event Action<string>? Changed;

    public void ReportOk(string name)
    {
        _states[name] = Ok;
        Changed?.Invoke(name);
    }

    public void ReportError(string name, ConfigError error)
    {
        _states[name] = error.ToString();
        Changed?.Invoke(name);
    }

    /// <summary>File name -> "ok" or the error text, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        new SortedDictionary<string, string>(_states, StringComparer.Ordinal);

    public bool AllOk => _states.Values.All(v => v == Ok);
}
