using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Delivery;

namespace Bot.Testing.Delivery;

/// <summary>
/// An in-process platform for delivery tests: outcomes scripted per chat, sends held on demand (to
/// stand for a crash mid-flight), and a record of every part that reached the "platform".
/// </summary>
public sealed class FakeDeliveryChannel(Platform platform = Platform.Telegram) : IDeliveryChannel
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<Func<SendOutcome>>> _scripts = [];
    private readonly Dictionary<long, int> _parts = [];
    private readonly List<SentPart> _sent = [];
    private readonly List<DeletedMessage> _deleted = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _sentWaiters = [];
    private TaskCompletionSource? _hold;
    private int _holdFrom;
    private int _held;
    private long _nextMessageId = 1000;

    public Platform Platform => platform;

    /// <summary>Runs while each part is on its way (after it is recorded, before it is accepted): a test moves its clock here to make a send slow.</summary>
    public Action<SentPart>? WhileSending { get; set; }

    /// <summary>Every part that reached the platform, in order (held sends included: they arrived).</summary>
    public IReadOnlyList<SentPart> Sent
    {
        get
        {
            lock (_lock)
            {
                return [.. _sent];
            }
        }
    }

    public IReadOnlyList<DeletedMessage> Deleted
    {
        get
        {
            lock (_lock)
            {
                return [.. _deleted];
            }
        }
    }

    /// <summary>How many calls reached the platform at all (scripted failures included).</summary>
    public int Calls { get; private set; }

    /// <summary>How many parts an article renders to here (1 unless set).</summary>
    public void SetParts(long articleId, int parts)
    {
        lock (_lock)
        {
            _parts[articleId] = parts;
        }
    }

    /// <summary>The next sends (or deletions) to this chat return these outcomes in turn; then sends succeed.</summary>
    public void Script(string chatId, params SendOutcome[] outcomes)
    {
        foreach (var outcome in outcomes)
        {
            Enqueue(chatId, () => outcome);
        }
    }

    /// <summary>The next send to this chat throws (an adapter bug or a socket error).</summary>
    public void ScriptThrow(string chatId, Exception exception) => Enqueue(chatId, () => throw exception);

    /// <summary>
    /// After <paramref name="afterSends"/> more successful sends, sends arrive at the platform but do not
    /// return until <see cref="ReleaseHeld"/> (or their cancellation): a worker frozen mid-flight.
    /// </summary>
    public void Hold(int afterSends = 0)
    {
        lock (_lock)
        {
            _hold ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _holdFrom = _sent.Count + afterSends;
        }
    }

    /// <summary>Lets held sends return and stops holding new ones.</summary>
    public void ReleaseHeld()
    {
        TaskCompletionSource? hold;
        lock (_lock)
        {
            hold = _hold;
            _hold = null;
        }

        hold?.TrySetResult();
    }

    public int HeldCount => Volatile.Read(ref _held);

    /// <summary>Completes once at least <paramref name="count"/> parts reached the platform.</summary>
    public Task WaitForSentAsync(int count)
    {
        lock (_lock)
        {
            if (_sent.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _sentWaiters.Add((count, done));
            return done.Task;
        }
    }

    public int CountParts(Article article)
    {
        lock (_lock)
        {
            return _parts.GetValueOrDefault(article.Id, 1);
        }
    }

    public async Task<SendOutcome> SendPartAsync(DeliveryTarget target, Article article, int partIndex, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var outcome = Next(target.ChatId);
        if (outcome is not SendOutcome.Sent)
        {
            return outcome;
        }

        string id;
        SentPart sent;
        TaskCompletionSource? hold;
        lock (_lock)
        {
            id = (++_nextMessageId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            sent = new SentPart(target.ChatId, target.ThreadId, article.Id, partIndex, id, target.Silent, article.Title, article.Body);
            _sent.Add(sent);
            foreach (var waiter in _sentWaiters.Where(w => _sent.Count >= w.Count).ToList())
            {
                waiter.Done.TrySetResult();
                _sentWaiters.Remove(waiter);
            }

            hold = _sent.Count > _holdFrom ? _hold : null;
        }

        WhileSending?.Invoke(sent);
        if (hold is not null)
        {
            Interlocked.Increment(ref _held);
            await hold.Task.WaitAsync(ct);
        }

        return new SendOutcome.Sent([id]);
    }

    public Task<SendOutcome> DeleteAsync(DeliveryTarget target, string messageId, CancellationToken ct)
    {
        var outcome = Next(target.ChatId);
        if (outcome is SendOutcome.Sent)
        {
            lock (_lock)
            {
                _deleted.Add(new DeletedMessage(target.ChatId, messageId));
            }
        }

        return Task.FromResult(outcome);
    }

    private void Enqueue(string chatId, Func<SendOutcome> outcome)
    {
        lock (_lock)
        {
            if (!_scripts.TryGetValue(chatId, out var queue))
            {
                queue = new Queue<Func<SendOutcome>>();
                _scripts[chatId] = queue;
            }

            queue.Enqueue(outcome);
        }
    }

    private SendOutcome Next(string chatId)
    {
        Func<SendOutcome>? scripted = null;
        lock (_lock)
        {
            Calls++;
            if (_scripts.TryGetValue(chatId, out var queue) && queue.Count > 0)
            {
                scripted = queue.Dequeue();
            }
        }

        return scripted?.Invoke() ?? new SendOutcome.Sent([]);
    }
}
