using Microsoft.AspNetCore.HostFiltering;

namespace LiveBot.Hosting;

/// <summary>
/// The host names the bot answers to (issue 13, DNS rebinding): ASP.NET Core's host filtering with
/// <c>AllowedHosts</c> = the loopback names by default. Reached under another name (Docker bound to all
/// interfaces behind a public name), that name goes in <c>AllowedHosts</c> (semicolon-separated; the
/// loopback names stay allowed); <c>*</c> turns the check off. Any other Host header gets 400.
/// </summary>
public static class HostAllowList
{
    public const string ConfigKey = "AllowedHosts";

    public const string Loopback = "localhost;127.0.0.1;[::1]";

    public static IServiceCollection AddHostAllowList(this IServiceCollection services)
    {
        services.PostConfigure<HostFilteringOptions>(options =>
        {
            if (options.AllowedHosts.Contains("*"))
            {
                return;
            }

            options.AllowedHosts = options.AllowedHosts.Concat(Loopback.Split(';')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        });
        return services;
    }
}
