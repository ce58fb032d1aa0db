using System.Collections.Concurrent;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Delivery;

/// <summary>
/// Drains the outbox through the platforms' <see cref="IDeliveryChannel"/>s. Each chat gets its oldest
/// pending delivery only, parts in order; a slow or rate-limited chat never holds up the others.
/// Tests drive it pass by pass with <see cref="DrainOnceAsync"/>; the host runs the loop around it.
/// Only one of the two may run at a time in one process.
/// </summary>
public sealed class DeliveryWorker(
    DeliveryOutbox outbox,
    IEnumerable<IDeliveryChannel> channels,
    ArticleCache articles,
    DigestComposer digests,
    DeliveryRateLimiter limiter,
    DeliverySignal signal,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private readonly DeliveryOutbox _outbox = outbox;
    private readonly ArticleCache _articles = articles;
    private readonly DigestComposer _digests = digests;
    private readonly DeliveryRateLimiter _limiter = limiter;
    private readonly DeliverySignal _signal = signal;
    private readonly TimeProvider _time = time;
    private readonly ILogger<DeliveryWorker> _logger = logger;

    private readonly Dictionary<Platform, IDeliveryChannel> _channels = channels.ToDictionary(c => c.Platform);
    private readonly ConcurrentDictionary<long, byte> _busy = new();
    private readonly DeliveryOptions _options = options.Value;
    // A slot is taken before a send and given back once its result is committed. Sent parts are
    // recorded without waiting for the commit, so commits group many sends; and at most Concurrency
    // sends are ever in flight or unrecorded, which bounds what a crash can send twice.
    private readonly SemaphoreSlim _unrecorded = new(options.Value.Concurrency, options.Value.Concurrency);
    private long _wakeHintTicks = long.MaxValue;

    /// <summary>Who holds this worker's leases: unique per process and start, and short because every leased row stores it.</summary>
    public string Owner { get; } = $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    private TimeSpan Lease => TimeSpan.FromSeconds(_options.LeaseSeconds);

    /// <summary>
    /// One pass: leases up to BatchSize deliveries (and queued deletions) that may go now, sends them
    /// with Concurrency in parallel and records every outcome. Returns how many it worked on.
    /// </summary>
    public async Task<int> DrainOnceAsync(CancellationToken ct)
    {
        var deliveries = await LeaseDeliveriesAsync(_options.BatchSize, ct);
        var deletions = await LeaseDeletionsAsync(_options.BatchSize - deliveries.Count, ct);
        var work = deliveries.Select(d => (Func<CancellationToken, Task>)(c => DeliverAsync(d, c)))
            .Concat(deletions.Select(d => (Func<CancellationToken, Task>)(c => DeleteAsync(d, c))));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency };
        await Parallel.ForEachAsync(work, parallel, async (item, _) => await item(ct));
        await WaitUntilRecordedAsync();
        return deliveries.Count + deletions.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inflight = new List<Task>();
        // Leased in batches and drained by up to Concurrency senders, each taking the next leased
        // delivery when it finishes one: one lease transaction serves many sends.
        var leased = new ConcurrentQueue<Func<Task>>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    inflight.RemoveAll(t => t.IsCompleted);
                    var leasedNow = 0;
                    if (leased.IsEmpty && inflight.Count < _options.Concurrency)
                    {
                        foreach (var delivery in await LeaseDeliveriesAsync(_options.BatchSize, stoppingToken))
                        {
                            leased.Enqueue(() => DeliverAsync(delivery, stoppingToken));
                            leasedNow++;
                        }

                        foreach (var deletion in await LeaseDeletionsAsync(_options.BatchSize - leasedNow, stoppingToken))
                        {
                            leased.Enqueue(() => DeleteAsync(deletion, stoppingToken));
                            leasedNow++;
                        }
                    }

                    for (var i = Math.Min(leased.Count, _options.Concurrency - inflight.Count); i > 0; i--)
                    {
                        inflight.Add(Task.Run(() => SendLeasedAsync(leased), CancellationToken.None));
                    }

                    if (inflight.Count >= _options.Concurrency || leasedNow == 0)
                    {
                        await WaitAsync(inflight, leasedNow == 0 ? IdleDelay() : Timeout.InfiniteTimeSpan, stoppingToken);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    var delay = TimeSpan.FromSeconds(5);
                    DeliveryLog.LoopFailed(_logger, ex, delay);
                    await Task.Delay(delay, _time, stoppingToken);
                }
            }
        }
        finally
        {
            await DrainInflightAsync(inflight);
            await WaitUntilRecordedAsync();
            // Leased but never started: the restart (or another worker) takes them at once.
            await _outbox.ReleaseAllAsync(Owner, CancellationToken.None);
        }
    }

    public override void Dispose()
    {
        _unrecorded.Dispose();
        base.Dispose();
    }

    private async Task RecordAndReleaseAsync(OutboxUpdate update)
    {
        try
        {
            await _outbox.RecordAsync(update);
        }
        catch (Exception ex)
        {
            DeliveryLog.RecordFailed(_logger, ex, update is OutboxUpdate.PartsSent sent ? sent.DeliveryId : 0);
        }
        finally
        {
            _unrecorded.Release();
        }
    }

    private async Task WaitUntilRecordedAsync()
    {
        for (var i = 0; i < _options.Concurrency; i++)
        {
            await _unrecorded.WaitAsync(CancellationToken.None);
        }

        _unrecorded.Release(_options.Concurrency);
    }

    private static async Task SendLeasedAsync(ConcurrentQueue<Func<Task>> leased)
    {
        while (leased.TryDequeue(out var work))
        {
            await work();
        }
    }

    private async Task<IReadOnlyList<LeasedDelivery>> LeaseDeliveriesAsync(int max, CancellationToken ct)
    {
        Interlocked.Exchange(ref _wakeHintTicks, long.MaxValue);
        var leased = await _outbox.LeaseAsync(Owner, _channels.Keys, max, new HashSet<long>(_busy.Keys), Admit, Lease, ct);
        foreach (var delivery in leased)
        {
            _busy.TryAdd(delivery.SubscriptionId, 0);
        }

        return leased;
    }

    private async Task<IReadOnlyList<LeasedDeletion>> LeaseDeletionsAsync(int max, CancellationToken ct) =>
        max <= 0 ? [] : await _outbox.LeaseDeletionsAsync(Owner, _channels.Keys, max, Admit, Lease, ct);

    private LeaseAdmission Admit(LeaseCandidate candidate)
    {
        switch (_limiter.TryAcquire(candidate.Platform, candidate.Target.ChatId, candidate.Target.Kind))
        {
            case RateDecision.Go:
                return LeaseAdmission.Take;
            case RateDecision.ChatBusy:
                Hint(_limiter.NextAvailable(candidate.Platform, candidate.Target.ChatId, candidate.Target.Kind));
                return LeaseAdmission.SkipChat;
            default:
                Hint(_limiter.NextAvailable(candidate.Platform));
                return LeaseAdmission.SkipPlatform;
        }
    }

    private void Hint(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _wakeHintTicks);
        }
        while (ticks < seen && Interlocked.CompareExchange(ref _wakeHintTicks, ticks, seen) != seen);
    }

    private TimeSpan IdleDelay()
    {
        var poll = TimeSpan.FromSeconds(_options.PollSeconds);
        var hint = Interlocked.Read(ref _wakeHintTicks);
        if (hint == long.MaxValue)
        {
            return poll;
        }

        var untilToken = new DateTimeOffset(hint, TimeSpan.Zero) - _time.GetUtcNow();
        return untilToken < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : untilToken < poll ? untilToken : poll;
    }

    private async Task WaitAsync(List<Task> inflight, TimeSpan timeout, CancellationToken ct)
    {
        if (inflight.Count == 0)
        {
            await _signal.WaitAsync(timeout, _time, ct);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var wake = timeout == Timeout.InfiniteTimeSpan ? Task.Delay(Timeout.InfiniteTimeSpan, stop.Token) : _signal.WaitAsync(timeout, _time, stop.Token);
        await Task.WhenAny(Task.WhenAny(inflight), wake);
        await stop.CancelAsync();
        await wake.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        ct.ThrowIfCancellationRequested();
    }

    private async Task DrainInflightAsync(List<Task> inflight)
    {
        try
        {
            await Task.WhenAll(inflight);
        }
        catch (Exception ex)
        {
            DeliveryLog.LoopFailed(_logger, ex, TimeSpan.Zero);
        }
    }

    private async Task DeliverAsync(LeasedDelivery delivery, CancellationToken ct)
    {
        try
        {
            await new DeliveryAttempt(this, delivery).RunAsync(ct);
        }
        catch (Exception ex)
        {
            DeliveryLog.RecordFailed(_logger, ex, delivery.Id);
        }
        finally
        {
            _busy.TryRemove(delivery.SubscriptionId, out _);
        }
    }

    private async Task DeleteAsync(LeasedDeletion deletion, CancellationToken ct)
    {
        try
        {
            var outcome = await SendSafelyAsync(c => _channels[deletion.Platform].DeleteAsync(deletion.Target, deletion.MessageId, c), ct);
            OutboxUpdate update = outcome switch
            {
                null => new OutboxUpdate.DeletionRetry(deletion.Id, Owner, _time.GetUtcNow(), false, "worker stopped"),
                SendOutcome.Sent => new OutboxUpdate.DeletionFinished(deletion.Id, Owner, true, null),
                SendOutcome.RateLimited limited => BlockAndRetry(deletion, limited.RetryAfter),
                SendOutcome.Transient transient when deletion.Attempts + 1 < _options.MaxAttempts =>
                    new OutboxUpdate.DeletionRetry(deletion.Id, Owner, _time.GetUtcNow() + BackoffFor(deletion.Attempts + 1), true, transient.Reason),
                SendOutcome.Transient transient => new OutboxUpdate.DeletionFinished(deletion.Id, Owner, false, transient.Reason),
                SendOutcome.BadRequest bad => new OutboxUpdate.DeletionFinished(deletion.Id, Owner, false, bad.Reason),
                SendOutcome.ChatGone gone => new OutboxUpdate.DeletionFinished(deletion.Id, Owner, false, gone.Reason),
                SendOutcome.ChatMigrated migrated => new OutboxUpdate.DeletionFinished(deletion.Id, Owner, false, $"chat migrated to {migrated.NewChatId}"),
                _ => throw new InvalidOperationException("unknown outcome"),
            };
            await _outbox.RecordAsync(update);
        }
        catch (Exception ex)
        {
            DeliveryLog.RecordFailed(_logger, ex, deletion.Id);
        }

        OutboxUpdate BlockAndRetry(LeasedDeletion d, TimeSpan retryAfter)
        {
            _limiter.Block(d.Platform, d.Target.ChatId, d.Target.Kind, retryAfter);
            return new OutboxUpdate.DeletionRetry(d.Id, Owner, _time.GetUtcNow() + retryAfter, false, "rate limited");
        }
    }

    /// <summary>Calls the platform; a thrown exception is a transient failure, and null means the worker is stopping.</summary>
    private static async Task<SendOutcome?> SendSafelyAsync(Func<CancellationToken, Task<SendOutcome>> send, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return null;
        }

        try
        {
            return await send(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            // Only the type: adapters' exception messages may carry URLs with tokens in them.
            return new SendOutcome.Transient($"{ex.GetType().Name} from the platform adapter");
        }
    }

    private TimeSpan BackoffFor(int attempt) =>
        Backoff.Delay(attempt, _options.BackoffBaseSeconds, _options.BackoffMaxSeconds, Random.Shared.NextDouble());

    /// <summary>One delivery from its next unsent part to the end, or to the first outcome that stops it.</summary>
    private sealed class DeliveryAttempt(DeliveryWorker worker, LeasedDelivery delivery)
    {
        private readonly List<string> _messageIds = [.. delivery.MessageIds];

        public async Task RunAsync(CancellationToken ct)
        {
            var article = delivery.DigestId is { } digestId
                ? await worker._digests.ComposeAsync(digestId, ct)
                : await worker._articles.GetAsync(delivery.ArticleId, ct);
            if (article is null || article.State == ArticleState.Retracted)
            {
                await FailAsync(
                    delivery.DigestId is not null ? "every article of the digest was retracted"
                    : article is null ? "the article no longer exists" : "the article was retracted");
                return;
            }

            var channel = worker._channels[delivery.Platform];
            var count = delivery.PartCount ?? Math.Max(1, channel.CountParts(article));
            var part = delivery.NextPart;
            if (part >= count)
            {
                await worker._outbox.RecordAsync(new OutboxUpdate.PartsSent(delivery.Id, worker.Owner, part, count, _messageIds, [], true, worker._time.GetUtcNow()));
                return;
            }

            // The lease took the first part's token; each further part takes its own.
            for (var first = true; part < count; first = false)
            {
                if (!first && worker._limiter.TryAcquire(delivery.Platform, delivery.Target.ChatId, delivery.Target.Kind) != RateDecision.Go)
                {
                    await RetryAsync(worker._time.GetUtcNow(), countsAttempt: false, error: null);
                    return;
                }

                await worker._unrecorded.WaitAsync(CancellationToken.None);
                var outcome = await SendSafelyAsync(c => channel.SendPartAsync(delivery.Target, article, part, c), ct);
                if (outcome is not SendOutcome.Sent)
                {
                    worker._unrecorded.Release();
                }

                switch (outcome)
                {
                    case null:
                        worker._limiter.Return(delivery.Platform, delivery.Target.ChatId, delivery.Target.Kind);
                        await RetryAsync(worker._time.GetUtcNow(), countsAttempt: false, error: null);
                        return;
                    case SendOutcome.Sent sent:
                        worker._limiter.Arrived(delivery.Platform, delivery.Target.ChatId, delivery.Target.Kind);
                        _messageIds.AddRange(sent.MessageIds);
                        part++;
                        DeliveryLog.PartSent(worker._logger, delivery.Id, delivery.ArticleId, part - 1, delivery.Platform, delivery.Target.ChatId);
                        _ = worker.RecordAndReleaseAsync(new OutboxUpdate.PartsSent(
                            delivery.Id, worker.Owner, part, count, [.. _messageIds], sent.MessageIds, part == count, worker._time.GetUtcNow() + worker.Lease));
                        break;
                    case SendOutcome.RateLimited limited:
                        DeliveryLog.RateLimited(worker._logger, delivery.Id, delivery.Platform, delivery.Target.ChatId, limited.RetryAfter);
                        worker._limiter.Block(delivery.Platform, delivery.Target.ChatId, delivery.Target.Kind, limited.RetryAfter);
                        await RetryAsync(worker._time.GetUtcNow() + limited.RetryAfter, countsAttempt: false, error: "rate limited");
                        return;
                    case SendOutcome.ChatMigrated migrated:
                        DeliveryLog.ChatMigrated(worker._logger, delivery.SubscriptionId, delivery.Target.ChatId, migrated.NewChatId);
                        await worker._outbox.RecordAsync(new OutboxUpdate.ChatMigrated(delivery.Id, worker.Owner, delivery.SubscriptionId, migrated.NewChatId));
                        return;
                    case SendOutcome.ChatGone gone:
                        DeliveryLog.ChatGone(worker._logger, delivery.SubscriptionId, delivery.Platform, delivery.Target.ChatId, gone.Reason);
                        await worker._outbox.RecordAsync(new OutboxUpdate.ChatGone(delivery.Id, delivery.SubscriptionId, gone.Kind, gone.Reason));
                        return;
                    case SendOutcome.BadRequest bad:
                        await FailAsync(bad.Reason);
                        return;
                    case SendOutcome.Transient transient:
                        var attempt = delivery.Attempts + 1;
                        if (attempt >= worker._options.MaxAttempts)
                        {
                            await FailAsync($"{transient.Reason} (gave up after {attempt} attempts)");
                            return;
                        }

                        var at = worker._time.GetUtcNow() + worker.BackoffFor(attempt);
                        DeliveryLog.Transient(worker._logger, delivery.Id, attempt, transient.Reason, at);
                        await RetryAsync(at, countsAttempt: true, transient.Reason);
                        return;
                }
            }
        }

        private Task RetryAsync(DateTimeOffset at, bool countsAttempt, string? error) =>
            worker._outbox.RecordAsync(new OutboxUpdate.Retry(delivery.Id, worker.Owner, at, countsAttempt, error));

        private Task FailAsync(string reason)
        {
            DeliveryLog.Failed(worker._logger, delivery.Id, reason);
            return worker._outbox.RecordAsync(new OutboxUpdate.Failed(delivery.Id, worker.Owner, reason));
        }
    }
}
