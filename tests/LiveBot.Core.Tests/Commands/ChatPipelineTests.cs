using LiveBot.Core.Chat;

namespace LiveBot.Core.Tests.Commands;

public sealed class ChatPipelineTests
{
    private const string Commands = """
        {
          "commands": [
            { "name": "discord", "aliases": ["serveur"], "reply": "Rejoins-nous {user} !" },
            { "name": "compteur", "reply": "Appelée {count} fois" },
            { "name": "echo", "reply": "[{args}] [{arg1}] [{arg2}] [{arg3}]" },
            { "name": "modo", "reply": "réservé", "permission": "moderator" },
            { "name": "vipseul", "reply": "vip ok", "permission": "vip" },
            { "name": "lent", "reply": "ok", "globalCooldown": "00:00:10" },
            { "name": "perso", "reply": "ok", "userCooldown": "00:00:30" },
            { "name": "off", "reply": "jamais", "enabled": false },
            { "name": "twitchseul", "reply": "twitch", "platforms": ["twitch"] },
            { "name": "sécurité", "reply": "prudence" },
            { "name": "slash", "reply": "/ban {args}" }
          ]
        }
        """;

    [Theory]
    [InlineData("!discord")]
    [InlineData("!DISCORD")]
    [InlineData("!Serveur")]
    [InlineData("!sérveur")]
    [InlineData("  !discord   plus rien")]
    public async Task ProcessAsync_NameOrAliasAnyCaseOrAccent_Answers(string line)
    {
        using var harness = new PipelineHarness(Commands);

        Assert.Equal("Rejoins-nous Alice !", await harness.SayAsync(line));
    }

    [Theory]
    [InlineData("!securite")]
    [InlineData("!SÉCURITÉ")]
    public async Task ProcessAsync_AccentedCommandName_MatchesFolded(string line)
    {
        using var harness = new PipelineHarness(Commands);

        Assert.Equal("prudence", await harness.SayAsync(line));
    }

    [Theory]
    [InlineData("!inconnue")]
    [InlineData("discord")]
    [InlineData("!")]
    [InlineData("! discord")]
    [InlineData("")]
    public async Task ProcessAsync_NoKnownCommand_Silent(string line)
    {
        using var harness = new PipelineHarness(Commands);

        Assert.Null(await harness.SayAsync(line));
    }

    [Fact]
    public async Task ProcessAsync_Args_FillArgsAndArgN()
    {
        using var harness = new PipelineHarness(Commands);

        Assert.Equal("[a b] [a] [b] []", await harness.SayAsync("!echo a   b"));
    }

    [Fact]
    public async Task ProcessAsync_TemplateInUserText_IsNeverExpanded()
    {
        using var harness = new PipelineHarness(Commands);

        Assert.Equal("[{user} {count}] [{user}] [{count}] []", await harness.SayAsync("!echo {user} {count}"));
    }

    [Fact]
    public async Task ProcessAsync_Count_PersistsAndIncrements()
    {
        using var harness = new PipelineHarness(Commands);

        Assert.Equal("Appelée 1 fois", await harness.SayAsync("!compteur"));
        Assert.Equal("Appelée 2 fois", await harness.SayAsync("!compteur", "bob"));
    }

    [Theory]
    [InlineData(ChatRole.Viewer, false)]
    [InlineData(ChatRole.Subscriber, false)]
    [InlineData(ChatRole.Vip, false)]
    [InlineData(ChatRole.Moderator, true)]
    [InlineData(ChatRole.Broadcaster, true)]
    public async Task ProcessAsync_ModeratorCommand_OnlyModeratorAndAbove(ChatRole role, bool answered)
    {
        using var harness = new PipelineHarness(Commands);

        Assert.Equal(answered, await harness.SayAsync("!modo", role: role) is not null);
    }

    [Fact]
    public async Task ProcessAsync_VipCommand_ViewerSilentVipAnswered()
    {
        using var harness = new PipelineHarness(Commands);

        Assert.Null(await harness.SayAsync("!vipseul", role: ChatRole.Subscriber));
        Assert.Equal("vip ok", await harness.SayAsync("!vipseul", role: ChatRole.Vip));
    }

    [Fact]
    public async Task ProcessAsync_GlobalCooldown_SilentUntilElapsedForEveryone()
    {
        using var harness = new PipelineHarness(Commands);

        Assert.Equal("ok", await harness.SayAsync("!lent", "alice"));
        Assert.Null(await harness.SayAsync("!lent", "bob"));
        harness.Time.Advance(TimeSpan.FromSeconds(9));
        Assert.Null(await harness.SayAsync("!lent", "carl"));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("ok", await harness.SayAsync("!lent", "carl"));
    }

    [Fact]
    public async Task ProcessAsync_UserCooldown_OtherUsersStillAnswered()
    {
        using var harness = new PipelineHarness(Commands);

        Assert.Equal("ok", await harness.SayAsync("!perso", "alice"));
        Assert.Null(await harness.SayAsync("!perso", "alice"));
        Assert.Equal("ok", await harness.SayAsync("!perso", "bob"));
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("ok", await harness.SayAsync("!perso", "alice"));
    }

    [Fact]
    public async Task ProcessAsync_Moderator_IgnoresCooldowns()
    {
        using var harness = new PipelineHarness(Commands);

        Assert.Equal("ok", await harness.SayAsync("!lent"));
        Assert.Equal("ok", await harness.SayAsync("!lent", "modo", ChatRole.Moderator));
    }

    [Fact]
    public async Task ProcessAsync_DisabledOrOtherPlatform_Silent()
    {
        using var harness = new PipelineHarness(Commands);

        Assert.Null(await harness.SayAsync("!off"));
        Assert.Null(await harness.SayAsync("!twitchseul", platform: "local"));
        Assert.Equal("twitch", await harness.SayAsync("!twitchseul", platform: "twitch"));
    }

    [Fact]
    public async Task ProcessAsync_SameMessageIdTwice_AnsweredOnce()
    {
        using var harness = new PipelineHarness(Commands);
        var message = harness.Message("!discord");

        Assert.Single(await harness.Pipeline.ProcessAsync(message, CancellationToken.None));
        Assert.Empty(await harness.Pipeline.ProcessAsync(message, CancellationToken.None));
    }

    [Fact]
    public async Task ProcessAsync_ReplyWithSlashOrNewlines_SanitisedOneLine()
    {
        using var harness = new PipelineHarness(Commands);

        Assert.Equal("ban x y", await harness.SayAsync("!slash x\r\ny"));
    }

    [Fact]
    public async Task ProcessAsync_Aide_ListsOnlyCommandsTheAskerMayUse()
    {
        using var harness = new PipelineHarness(Commands);

        var viewer = await harness.SayAsync("!aide");
        var moderator = await harness.SayAsync("!aide", "modo", ChatRole.Moderator);

        Assert.NotNull(viewer);
        Assert.NotNull(moderator);
        Assert.Contains("!discord", viewer, StringComparison.Ordinal);
        Assert.DoesNotContain("!modo", viewer, StringComparison.Ordinal);
        Assert.DoesNotContain("!off", viewer, StringComparison.Ordinal);
        Assert.DoesNotContain("!twitchseul", viewer, StringComparison.Ordinal);
        Assert.Contains("!modo", moderator, StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileLines => new()
    {
        "!echo " + new string('x', 10_000),
        new string('!', 10_000),
        "!echo \u202Egnp.exe\u202C \u200B\u200B zéro",
        "!echo 🎉🎉🎉 مرحبا שלום",
        "!echo \0\u0001\u0002\u0007\u001b[31m",
        "\u200B!discord",
        "!echo \ud800 lone surrogate",
        "!" + new string('a', 5000),
    };

    [Theory]
    [MemberData(nameof(HostileLines))]
    public async Task ProcessAsync_HostileInput_NeverThrowsAndReplyIsSafe(string line)
    {
        using var harness = new PipelineHarness(Commands);

        var reply = await harness.SayAsync(line);

        if (reply is not null)
        {
            Assert.DoesNotContain('\r', reply);
            Assert.DoesNotContain('\n', reply);
            Assert.False(reply.StartsWith('/') || reply.StartsWith('.'));
            Assert.True(reply.Length <= 1000); // two local messages at most
        }
    }
}
