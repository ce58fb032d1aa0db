using Bot.Core.Articles;

namespace Bot.Core.Delivery;

/// <summary>
/// Articles the worker is delivering, kept in memory: a broadcast sends the same article to every
/// subscriber, and reading it from SQLite each time would cost more than the send itself.
/// </summary>
public sealed class ArticleCache(IArticleStore store)
{
    private const int Capacity = 256;

    private readonly Lock _lock = new();
    private readonly Dictionary<long, Article> _articles = [];

    public async Task<Article?> GetAsync(long id, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_articles.TryGetValue(id, out var cached))
            {
                return cached;
            }
        }

        var article = await store.GetAsync(id, ct);
        if (article is not null)
        {
            lock (_lock)
            {
                if (_articles.Count >= Capacity)
                {
                    _articles.Clear();
                }

                _articles[id] = article;
            }
        }

        return article;
    }

    /// <summary>Forgets an article whose state changed (retraction), so the next read sees it.</summary>
    public void Forget(long id)
    {
        lock (_lock)
        {
            _articles.Remove(id);
        }
    }
}
