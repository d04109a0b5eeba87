using LiveBot.Testing;
using Microsoft.Extensions.Options;

namespace LiveBot.Tests.Hosting;

/// <summary>Every section's settings are checked the same way at start, with French messages naming the key.</summary>
public sealed class SettingsValidationTests
{
    public static TheoryData<string, string, string> BadSettings() => new()
    {
        { "Questions:MinLength", "0", "Questions:MinLength doit être entre 1 et 500" },
        { "Questions:SimilarityThreshold", "2", "Questions:SimilarityThreshold doit être entre" },
        { "Questions:PurgeInterval", "2.00:00:00", "Questions:PurgeInterval doit être entre" },
        { "Polls:ResultShownFor", "01:00:00", "Polls:ResultShownFor doit être entre" },
        { "Offers:Radius", "500", "Offers:Radius doit être entre 1 et 200 km" },
        { "Offers:ApiAlternance:MirrorRefresh", "00:00:10", "Offers:ApiAlternance:MirrorRefresh doit être entre" },
        { "Offers:ApiAlternance:RequestsPerMinute", "0", "Offers:ApiAlternance:RequestsPerMinute doit être entre 1 et 600" },
        { "Offers:Demo:Companies", "-1", "Offers:Demo:Companies doit être entre" },
        { "Offers:WidenedRadius", "5", "Offers:WidenedRadius doit valoir au moins Offers:Radius" },
        { "Dashboard:Heartbeat", "00:00:00", "Dashboard:Heartbeat doit être entre" },
        { "Dashboard:Token", "court", "Dashboard:Token est trop court" },
        { "Dashboard:OverlayKey", "court", "Dashboard:OverlayKey est trop court" },
        { "Report:FlushInterval", "01:00:00", "Report:FlushInterval doit être entre" },
        { "Check:ProbeTimeout", "00:00:00", "Check:ProbeTimeout doit être entre" },
        { "Twitch:Enabled", "true", "Twitch:Login est requis" },
    };

    [Fact]
    public async Task Start_YouTubeOnWithBadShare_FailsInFrench_Issue9()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["YouTube:Enabled"] = "true",
            ["YouTube:ReadShare"] = "0.99",
            ["YouTube:ApiBaseUri"] = "http://127.0.0.1:1/",
        }));

        Assert.Contains(error.Failures, f => f.Contains("YouTube:ReadShare doit être entre 0,1 et 0,95", StringComparison.Ordinal) || f.Contains("YouTube:ReadShare doit être entre 0.1 et 0.95", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("YouTube:RefreshToken est requis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_TwoSectionsInvalid_OneExceptionWithEveryFailure_Issue9()
    {
        // Questions:PurgeInterval is read by the questions and by the polls: both sections fail at once.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Questions:PurgeInterval"] = "2.00:00:00",
            ["Offers:Radius"] = "500",
        }));

        Assert.Contains(error.Failures, f => f.Contains("Questions:PurgeInterval doit être entre", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Offers:Radius doit être entre", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_BadSetting_FailsWithTheFrenchRuleOfThatKey_Issue9(string key, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            BotHost.StartAsync(settings: new Dictionary<string, string> { [key] = value }));

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.Contains("The field", StringComparison.Ordinal) || f.Contains("must be", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_QuestionsMinAboveMax_FailsWithTheRuleBetweenKeys_Issue9()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Questions:MinLength"] = "200",
            ["Questions:MaxLength"] = "100",
        }));

        Assert.Contains(error.Failures, f => f.Contains("Questions:MinLength doit être inférieur ou égal à Questions:MaxLength", StringComparison.Ordinal));
    }
}
