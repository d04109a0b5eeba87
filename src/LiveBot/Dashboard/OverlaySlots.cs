using System.Net;

namespace LiveBot.Dashboard;

/// <summary>
/// Who may hold an overlay stream open. The overlay needs no token, so without a key a client address gets a few
/// streams (enough for the scenes of one OBS) and keyless clients together never take the last
/// <see cref="KeyedReserve"/> slots: an overlay opened with the key (or by the presenters' page) always gets in.
/// </summary>
public sealed class OverlaySlots
{
    /// <summary>Most overlay streams open at once.</summary>
    public const int Max = 32;

    /// <summary>Most keyless streams from one client address.</summary>
    public const int MaxKeylessPerAddress = 4;

    /// <summary>Slots only keyed clients may take.</summary>
    public const int KeyedReserve = 4;

    private readonly Lock _gate = new();
    private readonly Dictionary<IPAddress, int> _keylessByAddress = [];
    private int _open;
    private int _keyless;

    /// <summary>Raised after a stream left its slot.</summary>
    public event Action? Left;

    public int Open
    {
        get
        {
            lock (_gate)
            {
                return _open;
            }
        }
    }

    /// <summary>A slot for the stream, released by disposing it; null when none is free for this client.</summary>
    public IDisposable? TryEnter(IPAddress? address, bool keyed)
    {
        var key = Normalise(address);
        lock (_gate)
        {
            if (_open >= Max)
            {
                return null;
            }

            if (!keyed)
            {
                var fromThere = _keylessByAddress.GetValueOrDefault(key);
                if (fromThere >= MaxKeylessPerAddress || _keyless >= Max - KeyedReserve)
                {
                    return null;
                }

                _keylessByAddress[key] = fromThere + 1;
                _keyless++;
            }

            _open++;
            return new Slot(this, key, keyed);
        }
    }

    private void Leave(IPAddress address, bool keyed)
    {
        lock (_gate)
        {
            _open--;
            if (!keyed)
            {
                _keyless--;
                if (_keylessByAddress[address] is var left and > 1)
                {
                    _keylessByAddress[address] = left - 1;
                }
                else
                {
                    _keylessByAddress.Remove(address);
                }
            }
        }

        Left?.Invoke();
    }

    /// <summary>IPv4 seen through an IPv6 socket counts as the same client; no address (tests, pipes) is one client.</summary>
    private static IPAddress Normalise(IPAddress? address) =>
        address is null ? IPAddress.None : address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private sealed class Slot(OverlaySlots owner, IPAddress address, bool keyed) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Leave(address, keyed);
            }
        }
    }
}
