using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace LiveBot.Core.Configuration;

/// <summary>A moderators' file as the host sees it: loaded at start, then watched.</summary>
public interface IModeratorFile
{
    string Name { get; }

    string Path { get; }

    /// <summary>Loads the file (or its embedded default when absent); throws <see cref="ConfigFileException"/> when invalid.</summary>
    void LoadInitial();

    /// <summary>Reads the file again if it changed; keeps the last good version when the new one is invalid.</summary>
    void CheckForChanges();
}

/// <summary>
/// One moderators' JSON file (commands.json, sectors.json...): validated on every change, the last good
/// version kept, errors reported once to the log and to <see cref="ConfigStatusRegistry"/>.
/// </summary>
public sealed partial class ModeratorFile<T> : IModeratorFile
    where T : class
{
    private readonly Func<byte[], (T? Value, ConfigError? Error)> _parse;
    private readonly Func<byte[]?> _fallback;
    private readonly ConfigStatusRegistry _status;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private T? _current;
    private byte[]? _lastHash;
    private string? _lastError;

    public ModeratorFile(
        string name,
        string path,
        Func<byte[], (T? Value, ConfigError? Error)> parse,
        Func<byte[]?> fallback,
        ConfigStatusRegistry status,
        ILogger logger)
    {
        Name = name;
        Path = path;
        _parse = parse;
        _fallback = fallback;
        _status = status;
        _logger = logger;
    }

    public string Name { get; }

    public string Path { get; }

    /// <summary>The configuration in force.</summary>
    public T Current => _current ?? throw new InvalidOperationException($"{Name} has not been loaded");

    /// <summary>Raised after a new valid version replaced the old one.</summary>
    public event Action<T>? Reloaded;

    /// <summary>Raised when a changed file was refused.</summary>
    public event Action<ConfigError>? Rejected;

    public void LoadInitial()
    {
        lock (_gate)
        {
            var bytes = ReadOrNull() ?? _fallback() ?? "{}"u8.ToArray();
            var (value, error) = SafeParse(bytes);
            if (error is not null)
            {
                _status.ReportError(Name, error);
                throw new ConfigFileException(error);
            }

            _current = value!;
            _lastHash = SHA256.HashData(bytes);
            _status.ReportOk(Name);
        }
    }

    public void CheckForChanges()
    {
        T? reloaded = null;
        ConfigError? rejected = null;
        lock (_gate)
        {
            var bytes = ReadOrNull();
            if (bytes is null)
            {
                return; // A file being replaced (or deleted) keeps the version in force.
            }

            var hash = SHA256.HashData(bytes);
            if (_lastHash is not null && hash.AsSpan().SequenceEqual(_lastHash))
            {
                return;
            }

            _lastHash = hash;
            var (value, error) = SafeParse(bytes);
            if (error is not null)
            {
                var text = error.ToString();
                if (text != _lastError)
                {
                    _lastError = text;
                    Log.FileRejected(_logger, Name, text);
                }

                _status.ReportError(Name, error);
                rejected = error;
            }
            else
            {
                _current = value!;
                _lastError = null;
                _status.ReportOk(Name);
                Log.FileReloaded(_logger, Name);
                reloaded = value;
            }
        }

        if (reloaded is not null)
        {
            Reloaded?.Invoke(reloaded);
        }

        if (rejected is not null)
        {
            Rejected?.Invoke(rejected);
        }
    }

    /// <summary>The parser, with anything it lets escape turned into an error of the file (issue 13).</summary>
    private (T? Value, ConfigError? Error) SafeParse(byte[] bytes)
    {
        try
        {
            var (value, error) = _parse(bytes);
            return value is null && error is null ? (null, new ConfigError(Name, 0, 0, "le fichier doit contenir un objet JSON")) : (value, error);
        }
        catch (Exception ex)
        {
            Log.ParserFailed(_logger, Name, ex);
            return (null, new ConfigError(Name, 0, 0, "contenu inattendu : le fichier n'a pas pu être vérifié (valeur vide, de type inattendu ou hors limites ?)"));
        }
    }

    private byte[]? ReadOrNull()
    {
        try
        {
            return File.Exists(Path) ? File.ReadAllBytes(Path) : null;
        }
        catch (IOException)
        {
            return null; // Being written: the next check will see it.
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Moderators' file {File} refused, the previous version stays in force: {Error}")]
        public static partial void FileRejected(ILogger logger, string file, string error);

        [LoggerMessage(Level = LogLevel.Error, Message = "Moderators' file {File}: the check itself failed; the file is refused")]
        public static partial void ParserFailed(ILogger logger, string file, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "Moderators' file {File} reloaded")]
        public static partial void FileReloaded(ILogger logger, string file);
    }
}
