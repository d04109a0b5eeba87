using Google.Apis.Util;

namespace LiveBot.YouTube.Auth;

/// <summary>Google.Apis' clock over the injected <see cref="TimeProvider"/> (token expiry follows fake time in tests).</summary>
public sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public DateTime Now => time.GetLocalNow().DateTime;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
