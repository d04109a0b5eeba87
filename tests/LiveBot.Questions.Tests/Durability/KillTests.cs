using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LiveBot.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiveBot.Questions.Tests.Durability;

/// <summary>
/// A question confirmed in chat survives kill -9: the real bot runs as a child process (the LiveBot.dll built
/// with this test project), questions are confirmed through POST /api/chat while others are still being
/// written, the process is killed with SIGKILL, and every confirmed question must be in the database file.
/// </summary>
public sealed partial class KillTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "livebot-kill-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Question_ConfirmedThenKill9_SurvivesAndNumberingContinues()
    {
        var confirmed = new ConcurrentDictionary<int, string>();
        var votes = new ConcurrentDictionary<(int Id, string Voter), bool>();
        var failures = new ConcurrentQueue<string>();
        await using (var bot = await ChildBot.StartAsync(_folder))
        {
            using var enough = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !enough.IsCancellationRequested; i++)
                {
                    var text = $"Question {w}-{i} : le métier numéro {(w * 1000) + i} recrute des apprentis ?";
                    var user = $"viewer{w}x{i}";
                    try
                    {
                        var replies = await bot.SayAsync($"!q {text}", user);
                        if (replies.Select(r => ConfirmedPattern().Match(r)).FirstOrDefault(m => m.Success) is not { } match)
                        {
                            failures.Enqueue($"« {text} » : {string.Join(" / ", replies)}");
                            continue;
                        }

                        confirmed[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)] = text;
                        var target = confirmed.Keys.Min();
                        if ((await bot.SayAsync($"!vote {target}", user)).Contains($"+1 pour la question #{target} !"))
                        {
                            votes[(target, "local:local-" + user)] = true;
                        }

                        if (confirmed.Count >= 40)
                        {
                            bot.Kill(); // In the middle of the other writers' requests.
                            await enough.CancelAsync();
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return; // Killed: unconfirmed questions may be lost, confirmed ones may not.
                    }
                }
            })).ToArray();
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));
            await bot.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(bot.WasKilled, $"{confirmed.Count} confirmed; " + string.Join(" | ", failures));
        }

        Assert.Empty(failures);
        Assert.True(confirmed.Count >= 40 && votes.Count >= 30, $"{confirmed.Count} questions, {votes.Count} votes confirmed");
        var maxConfirmed = confirmed.Keys.Max();
        using (var store = new LiteDbStore(Options.Create(new StorageOptions { Path = ChildBot.DatabasePath(_folder) })))
        {
            var queue = new QuestionQueue(store, Options.Create(new QuestionsOptions()), () => LiveBot.Questions.Moderation.ModerationRules.Empty, TimeProvider.System, NullLogger<QuestionQueue>.Instance).Load();
            foreach (var (id, text) in confirmed)
            {
                Assert.Equal(text, queue.Get(id)?.Text);
            }

            var stored = store.Collection<StoredQuestion>(QuestionQueue.CollectionName);
            foreach (var (id, voter) in votes.Keys)
            {
                Assert.Contains(voter, stored.FindById(id).Voters);
            }
        }

        await using var restarted = await ChildBot.StartAsync(_folder);
        var after = await restarted.SayAsync("!q Après le redémarrage, on garde les numéros ?", "late");
        var number = int.Parse(ConfirmedPattern().Match(Assert.Single(after)).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(number > maxConfirmed, $"#{number} after #{maxConfirmed}");
    }

    [GeneratedRegex(@"question #(\d+) bien reçue")]
    private static partial Regex ConfirmedPattern();

    /// <summary>The built bot (src/LiveBot) run with <c>dotnet LiveBot.dll</c> on a temp config folder and database.</summary>
    private sealed partial class ChildBot : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _http;
        private int _killed;

        private ChildBot(Process process, Uri address)
        {
            _process = process;
            _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        }

        public bool WasKilled => _killed == 1 && _process.HasExited;

        public Task WaitForExitAsync() => _process.WaitForExitAsync();

        public static string DatabasePath(string folder) => Path.Combine(folder, "data", "livebot.db");

        public static async Task<ChildBot> StartAsync(string folder)
        {
            var configDir = Path.Combine(folder, "config");
            Directory.CreateDirectory(configDir);
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                BotDll(), "--config-dir", configDir, "--urls", "http://127.0.0.1:0", "--Storage:Path", DatabasePath(folder),
                "--LocalChat:Console", "false", "--Logging:LogLevel:Default", "Warning",
                "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information", "--Questions:MinInterval", "00:00:00",
            })
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = new ConcurrentQueue<string>();
            void OnLine(object sender, DataReceivedEventArgs e)
            {
                if (e.Data is null)
                {
                    return;
                }

                output.Enqueue(e.Data);
                if (AddressPattern().Match(e.Data) is { Success: true } match)
                {
                    listening.TrySetResult(new Uri(match.Value + "/"));
                }
            }

            process.OutputDataReceived += OnLine;
            process.ErrorDataReceived += OnLine;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _ = process.WaitForExitAsync().ContinueWith(
                _ => listening.TrySetException(new InvalidOperationException("The bot exited: " + string.Join('\n', output))),
                TaskScheduler.Default);
            try
            {
                return new ChildBot(process, await listening.Task.WaitAsync(TimeSpan.FromSeconds(30)));
            }
            catch
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }
        }

        public async Task<IReadOnlyList<string>> SayAsync(string text, string user)
        {
            using var response = await _http.PostAsJsonAsync("api/chat", new { user, text });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<ChatResponse>())?.Replies ?? [];
        }

        /// <summary>SIGKILL: no shutdown, no flush, no dispose.</summary>
        public void Kill()
        {
            if (Interlocked.Exchange(ref _killed, 1) == 0)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        /// <summary>src/LiveBot/bin/&lt;configuration&gt;/net10.0/LiveBot.dll, built as a dependency of this test project.</summary>
        private static string BotDll()
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testBin.Name;
            var configuration = testBin.Parent!.Name;
            var root = testBin;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "LiveBot.sln")))
            {
                root = root.Parent;
            }

            var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("LiveBot.sln not found above " + testBin), "src", "LiveBot", "bin", configuration, framework, "LiveBot.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/LiveBot first", dll);
        }

        [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
        private static partial Regex AddressPattern();

        private sealed record ChatResponse(string[] Replies);
    }
}
