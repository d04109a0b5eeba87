using System.Text;

namespace LiveBot.Dashboard.Tests.Support;

/// <summary>Reads a Server-Sent Events stream frame by frame, as a browser's EventSource would.</summary>
public sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseReader(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _reader = new StreamReader(stream, Encoding.UTF8);
    }

    public HttpResponseMessage Response => _response;

    public static async Task<SseReader> OpenAsync(HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new SseReader(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next frame: its event name ("message" if none; ":" for a comment such as a heartbeat) and data.</summary>
    public async Task<(string Event, string Data)> NextAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        var data = new StringBuilder();
        var comment = false;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (comment || name is not null || data.Length > 0)
                {
                    return (comment && name is null && data.Length == 0 ? ":" : name ?? "message", data.ToString());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                comment = true;
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line["data: ".Length..]);
            }
        }
    }

    /// <summary>Skips frames until one named <paramref name="eventName"/> whose data satisfies <paramref name="match"/>.</summary>
    public async Task<string> WaitForAsync(string eventName, Func<string, bool>? match = null, int timeoutSeconds = 15)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        while (true)
        {
            var (name, data) = await NextAsync(timeout.Token);
            if (name == eventName && (match is null || match(data)))
            {
                return data;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
