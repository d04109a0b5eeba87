using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LiveBot.Offers.Tests.Sources;

/// <summary>
/// A real HTTP server on 127.0.0.1:0 standing in for an upstream API: each test maps the routes it needs
/// and reads back the requests it received.
/// </summary>
internal sealed class FakeUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeUpstream(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Every request received: method, path and query, Authorization header, form body.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public int Count(string path) => Requests.Count(r => r.Path == path);

    /// <summary>Completes when the test ends: slow handlers wait on it (or on the client giving up).</summary>
    public Task Released => _released.Task;

    public static async Task<FakeUpstream> StartAsync(Action<WebApplication, FakeUpstream> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new FakeUpstream(app);
        app.Use(async (context, next) =>
        {
            string? form = null;
            if (context.Request.HasFormContentType)
            {
                var fields = await context.Request.ReadFormAsync();
                form = string.Join('&', fields.Select(f => $"{f.Key}={f.Value}"));
            }

            upstream.Requests.Enqueue(new ReceivedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
                context.Request.Headers.Authorization.ToString(),
                form));
            await next(context);
        });
        map(app, upstream);
        await app.StartAsync();
        upstream.BaseUri = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return upstream;
    }

    /// <summary>
    /// Called when a request starts hanging: the client's timeouts already exist then, so a test on fake time
    /// moves its clock here to make them fire.
    /// </summary>
    public Action? Hanging { get; set; }

    /// <summary>A handler that never answers before the client gives up.</summary>
    public async Task Hang(HttpContext context)
    {
        Hanging?.Invoke();
        try
        {
            await Released.WaitAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _released.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record ReceivedRequest(string Method, string Path, Dictionary<string, string> Query, string Authorization, string? Form);
}
