using System.Globalization;
using LiveBot.Offers.Index;

namespace LiveBot.Offers.Mirror;

/// <summary>Where the mirror stands, as <c>/healthz</c> says it.</summary>
public enum MirrorState
{
    /// <summary>Reading the snapshot, or waiting for the first export.</summary>
    Loading,

    /// <summary>A snapshot younger than 48 h answers.</summary>
    Ready,

    /// <summary>A new export is being downloaded (the previous snapshot, if any, still answers).</summary>
    Downloading,

    /// <summary>The snapshot is older than 48 h: still used, and said on the presenter page.</summary>
    Stale,

    /// <summary>No snapshot, and the last download failed: the live search answers.</summary>
    Failed,
}

/// <summary>
/// The local mirror of API Alternance's export as the rest of the bot sees it: the current index (null
/// until a snapshot is loaded), its state and figures for <c>/healthz</c>, and the presenter page's line.
/// Swapped whole: a search sees the old index or the new one, never half of each.
/// </summary>
public sealed class OfferMirror(TimeProvider time)
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(48);

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private readonly object _gate = new();
    private volatile Loaded? _current;
    private bool _starting = true;
    private bool _downloading;
    private string? _lastError;
    private DateTimeOffset? _lastCheck;
    private DateTimeOffset? _lastErrorAt;

    /// <summary>Raised when the state or the index changes (presenter page).</summary>
    public event Action? Changed;

    /// <summary>The index to answer from; null while no snapshot is loaded (then the live search answers).</summary>
    public OfferIndex? Index => _current?.Index;

    public SnapshotInfo? Info => _current?.Info;

    /// <summary>How old the loaded data is (from the export's last update), or null without a snapshot.</summary>
    public TimeSpan? DataAge => _current is { } current ? Age(current) : null;

    /// <summary>When the export is asked again (set once the wait has begun).</summary>
    public DateTimeOffset? NextCheck { get; set; }

    public string? LastError
    {
        get
        {
            lock (_gate)
            {
                return _lastError;
            }
        }
    }

    public MirrorState State
    {
        get
        {
            lock (_gate)
            {
                var current = _current;
                return _downloading ? MirrorState.Downloading
                    : current is null ? (_starting ? MirrorState.Loading : MirrorState.Failed)
                    : Age(current) > StaleAfter ? MirrorState.Stale
                    : MirrorState.Ready;
            }
        }
    }

    /// <summary>A new index answers from now on.</summary>
    public void Swap(OfferIndex index, SnapshotInfo info)
    {
        lock (_gate)
        {
            _current = new Loaded(index, info, time.GetUtcNow());
            _starting = false;
        }

        Changed?.Invoke();
    }

    public void Downloading(bool running)
    {
        lock (_gate)
        {
            _downloading = running;
        }

        Changed?.Invoke();
    }

    /// <summary>The export was checked (new or not); clears the last error.</summary>
    public void Checked()
    {
        lock (_gate)
        {
            _lastCheck = time.GetUtcNow();
            _lastError = null;
            _starting = false;
        }

        Changed?.Invoke();
    }

    /// <summary>A load or a download failed: the previous index (if any) stays, the reason shows.</summary>
    public void Failed(string reason)
    {
        lock (_gate)
        {
            _lastError = reason;
            _lastErrorAt = time.GetUtcNow();
            _lastCheck = _lastErrorAt;
            _starting = false;
        }

        Changed?.Invoke();
    }

    public Dictionary<string, object?> Report()
    {
        var current = _current;
        lock (_gate)
        {
            return new Dictionary<string, object?>
            {
                ["state"] = State.ToString().ToLowerInvariant(),
                ["offers"] = current?.Index.OfferCount ?? 0,
                ["companies"] = current?.Index.CompanyCount ?? 0,
                ["skipped"] = current?.Info.Skipped ?? 0,
                ["lastUpdate"] = current?.Info.LastUpdate,
                ["loadedAt"] = current?.LoadedAt,
                ["ageHours"] = current is null ? null : Math.Round(Age(current).TotalHours, 1),
                ["lastCheck"] = _lastCheck,
                ["nextCheck"] = NextCheck,
                ["lastError"] = _lastError,
                ["lastErrorAt"] = _lastErrorAt,
            };
        }
    }

    /// <summary>The presenter page's line, in French: "Offres à jour du 2 décembre, 3 h (41 012 offres, 574 880 entreprises)".</summary>
    public string StatusLine()
    {
        var current = _current;
        var state = State;
        if (current is null)
        {
            return state switch
            {
                MirrorState.Downloading => "Offres : premier téléchargement de l'export en cours, réponses en direct (limitées) en attendant.",
                MirrorState.Failed => "Offres : copie locale indisponible, réponses en direct (limitées). Voir /healthz.",
                _ => "Offres : chargement de la copie locale…",
            };
        }

        var when = Paris(current.Info.LastUpdate ?? current.Info.Created);
        var line = string.Create(
            French,
            $"Offres à jour du {when.Day} {when.ToString("MMMM", French)}, {when.Hour} h ({Number(current.Index.OfferCount)} offres, {Number(current.Index.CompanyCount)} entreprises)");
        return state switch
        {
            MirrorState.Stale => line + " : plus de 48 h, la mise à jour n'aboutit pas.",
            MirrorState.Downloading => line + ", mise à jour en cours.",
            _ => line,
        };
    }

    private TimeSpan Age(Loaded current) => time.GetUtcNow() - (current.Info.LastUpdate ?? current.Info.Created);

    private static string Number(int value) => value.ToString("N0", French).Replace('\u202F', ' ').Replace('\u00A0', ' ');

    private static DateTime Paris(DateTimeOffset instant)
    {
        try
        {
            return TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return instant.ToOffset(TimeSpan.FromHours(1)).DateTime;
        }
    }

    private sealed record Loaded(OfferIndex Index, SnapshotInfo Info, DateTimeOffset LoadedAt);
}
