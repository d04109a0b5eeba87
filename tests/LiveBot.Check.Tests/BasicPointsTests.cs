using System.Net;
using System.Net.Sockets;
using LiveBot.Check.Probes;

namespace LiveBot.Check.Tests;

/// <summary>The points every set-up has: configuration, data folder, port, links; demo offers.</summary>
public sealed class BasicPointsTests : IDisposable
{
    private readonly CheckRun _run = new();

    [Fact]
    public async Task Check_EmbeddedDefaults_ReadyWithDemoWarningExitCode0_Issue11()
    {
        var result = await _run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("Vérification avant le direct", result.Lines[0]);
        Assert.Contains("commands.json (copie intégrée)", result.Line("✓", ConfigurationProbe.Name), StringComparison.Ordinal);
        Assert.Contains("accessible en écriture", result.Line("✓", DataFolderProbe.Name), StringComparison.Ordinal);
        Assert.Contains("source Demo : offres fictives", result.Line("⚠", OffersProbe.Name), StringComparison.Ordinal);
        Assert.Contains("adresse affichée au démarrage", result.Line("✓", LinksProbe.PageName), StringComparison.Ordinal);
        Assert.StartsWith("Prêt pour le direct", result.Lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("✗", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BrokenCommandsJson_ConfigurationFailedWithLineExitCode1_Issue11()
    {
        await _run.WriteConfigAsync("commands.json", "{\n  \"commands\": [ { \"name\": \"a\", \"reply\": \"{oups}\" } ]\n}");

        var result = await _run.RunAsync();

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("commands.json, ligne 2, colonne 41 : variable inconnue « {oups} »", result.Line("✗", ConfigurationProbe.Name), StringComparison.Ordinal);
        Assert.Contains("corrigez", result.FixAfter("✗", ConfigurationProbe.Name), StringComparison.Ordinal);
        Assert.StartsWith("Pas prêt : 1 point à corriger", result.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AppSettingsNotJson_ConfigurationFailedExitCode1_Issue11()
    {
        await _run.WriteConfigAsync("appsettings.json", "{ \"Offers\": ");

        var result = await _run.RunAsync();

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("appsettings.json", result.Line("✗", ConfigurationProbe.Name), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_InvalidSetting_ConfigurationFailedNamingTheKey_Issue11()
    {
        var result = await _run.RunAsync(new Dictionary<string, string?> { ["Offers:Source"] = "ApiAlternance" });

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("Offers:ApiAlternance:ApiKey", result.Line("✗", ConfigurationProbe.Name), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PortTaken_PortFailedWithWhatToDo_Issue11()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await _run.RunAsync(new Dictionary<string, string?> { ["urls"] = $"http://127.0.0.1:{port}" });

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Equal($"✗ Port : {port} déjà pris sur 127.0.0.1", result.Line("✗", PortProbe.Name));
        Assert.Contains("Préparation du direct", result.FixAfter("✗", PortProbe.Name), StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{port}/overlay", result.Line("✓", LinksProbe.OverlayName), StringComparison.Ordinal);
        Assert.Matches($@"^✓ Page des présentateurs : http://127\.0\.0\.1:{port}/\?token=\S{{20,}}$", result.Line("✓", LinksProbe.PageName));
    }

    [Fact]
    public async Task Check_PortFree_PortOk_Issue11()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var result = await _run.RunAsync(new Dictionary<string, string?> { ["urls"] = $"http://127.0.0.1:{port}" });

        Assert.Equal($"✓ Port : {port} libre sur 127.0.0.1", result.Line("✓", PortProbe.Name));
    }

    [Fact]
    public void Classify_LowFreeSpace_FailedBelow200MegabytesWarningBelow2Gigabytes_Issue11()
    {
        Assert.Equal(CheckStatus.Failed, DataFolderProbe.Classify("/d", 100L * 1024 * 1024, mirror: false).Status);
        Assert.Equal(CheckStatus.Warning, DataFolderProbe.Classify("/d", 1024L * 1024 * 1024, mirror: true).Status);
        Assert.Equal(CheckStatus.Ok, DataFolderProbe.Classify("/d", 20L * 1024 * 1024 * 1024, mirror: true).Status);
        Assert.Contains("20,0 Go libres", DataFolderProbe.Classify("/d", 20L * 1024 * 1024 * 1024, mirror: true).Found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_DataFolderNotWritable_DataFolderFailed_Issue11()
    {
        // A file where the data folder should be: nothing can be written "in" it.
        Directory.CreateDirectory(_run.Folder);
        await File.WriteAllTextAsync(Path.Combine(_run.Folder, "blocked"), "x");

        var result = await _run.RunAsync(new Dictionary<string, string?> { ["Storage:Path"] = Path.Combine(_run.Folder, "blocked", "livebot.db") });

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains(DataFolderProbe.Name, result.Lines.Single(l => l.StartsWith('✗')), StringComparison.Ordinal);
    }

    public void Dispose() => _run.Dispose();
}
