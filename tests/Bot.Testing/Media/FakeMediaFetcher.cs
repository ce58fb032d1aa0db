using System.Collections.Concurrent;
using Bot.Core.Media;

namespace Bot.Testing.Media;

/// <summary>A hand-written fetcher for archiver tests that need no network: answers from a table and counts every call.</summary>
public sealed class FakeMediaFetcher : IMediaFetcher
{
    private readonly ConcurrentDictionary<string, MediaFetchResult> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public void Serve(string url, byte[] bytes) => _answers[url] = new MediaFetchResult.Fetched(bytes);

    public void Fail(string url, string reason) => _answers[url] = new MediaFetchResult.Failed(reason);

    public int Calls(string url) => _calls.GetValueOrDefault(url);

    public int TotalCalls => _calls.Values.Sum();

    public Task<MediaFetchResult> FetchAsync(Uri url, long maxBytes, CancellationToken ct)
    {
        _calls.AddOrUpdate(url.AbsoluteUri, 1, (_, n) => n + 1);
        return Task.FromResult(_answers.TryGetValue(url.AbsoluteUri, out var answer) ? answer : new MediaFetchResult.Failed("HTTP 404"));
    }
}
