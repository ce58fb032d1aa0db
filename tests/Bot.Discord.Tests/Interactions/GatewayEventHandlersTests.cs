using System.Collections.Concurrent;
using System.Text.Json;
using Bot.Discord.Gateway;
using Bot.Discord.Tests.Support;

namespace Bot.Discord.Tests.Interactions;

/// <summary>The bounded queue between the gateway's receive loop and Core: a fixed number of handlers, waits at shutdown, logs failures.</summary>
public sealed class GatewayEventHandlersTests
{
    [Fact]
    public async Task Handlers_RunAtMostTheFixedNumberAtOnce()
    {
        var dispatcher = new BlockingDispatcher();
        using var handlers = new GatewayEventHandlers(dispatcher, new ListLogger<GatewayEventHandlers>());
        handlers.Start();

        for (var i = 0; i < GatewayEventHandlers.Handlers + 5; i++)
        {
            await handlers.EnqueueAsync(Event("INTERACTION_CREATE", i), default);
        }

        await dispatcher.WaitForStartedAsync(GatewayEventHandlers.Handlers);

        // The rest wait in the queue instead of each getting a task of its own.
        Assert.Equal(GatewayEventHandlers.Handlers, dispatcher.Running);
        Assert.Equal(5, handlers.Waiting);

        dispatcher.Release();
        await handlers.StopAsync(default);
        Assert.Equal(GatewayEventHandlers.Handlers + 5, dispatcher.Finished);
        Assert.Equal(GatewayEventHandlers.Handlers, dispatcher.MaxRunning);
    }

    [Fact]
    public async Task Enqueue_WhenTheQueueIsFull_WaitsInsteadOfGrowing()
    {
        var dispatcher = new BlockingDispatcher();
        using var handlers = new GatewayEventHandlers(dispatcher, new ListLogger<GatewayEventHandlers>());
        handlers.Start();
        for (var i = 0; i < GatewayEventHandlers.Handlers; i++)
        {
            await handlers.EnqueueAsync(Event("INTERACTION_CREATE", i), default);
        }

        await dispatcher.WaitForStartedAsync(GatewayEventHandlers.Handlers);
        for (var i = 0; i < GatewayEventHandlers.Capacity; i++)
        {
            await handlers.EnqueueAsync(Event("INTERACTION_CREATE", 1000 + i), default);
        }

        var overflow = handlers.EnqueueAsync(Event("INTERACTION_CREATE", 9999), default).AsTask();
        Assert.False(overflow.IsCompleted);

        dispatcher.Release();
        await overflow.WaitAsync(TimeSpan.FromSeconds(15));
        await handlers.StopAsync(default);
        Assert.Equal(GatewayEventHandlers.Handlers + GatewayEventHandlers.Capacity + 1, dispatcher.Finished);
    }

    [Fact]
    public async Task Stop_WaitsForInFlightAndQueuedEvents()
    {
        var dispatcher = new BlockingDispatcher();
        using var handlers = new GatewayEventHandlers(dispatcher, new ListLogger<GatewayEventHandlers>());
        handlers.Start();
        for (var i = 0; i < GatewayEventHandlers.Handlers + 3; i++)
        {
            await handlers.EnqueueAsync(Event("INTERACTION_CREATE", i), default);
        }

        await dispatcher.WaitForStartedAsync(GatewayEventHandlers.Handlers);
        var stopping = handlers.StopAsync(default);
        Assert.False(stopping.IsCompleted);

        dispatcher.Release();
        await stopping.WaitAsync(TimeSpan.FromSeconds(15));

        // Nothing taken from Discord was dropped on the way out: each interaction got its handler.
        Assert.Equal(GatewayEventHandlers.Handlers + 3, dispatcher.Finished);
        Assert.Equal(0, dispatcher.Cancelled);
    }

    [Fact]
    public async Task Stop_WhenTheShutdownTimeoutRunsOut_CancelsTheWorkInHand()
    {
        var dispatcher = new BlockingDispatcher();
        var logger = new ListLogger<GatewayEventHandlers>();
        using var handlers = new GatewayEventHandlers(dispatcher, logger);
        handlers.Start();
        await handlers.EnqueueAsync(Event("INTERACTION_CREATE", 1), default);
        await dispatcher.WaitForStartedAsync(1);

        using var timeout = new CancellationTokenSource();
        await timeout.CancelAsync();
        await handlers.StopAsync(timeout.Token).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(1, dispatcher.Cancelled);
        Assert.Contains(logger.Lines, l => l.Contains("Stopping before", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailingEvent_IsLoggedWithItsInteractionId_AndTheOthersGoOn()
    {
        var dispatcher = new BlockingDispatcher { FailOn = "555" };
        dispatcher.Release();
        var logger = new ListLogger<GatewayEventHandlers>();
        using var handlers = new GatewayEventHandlers(dispatcher, logger);
        handlers.Start();

        await handlers.EnqueueAsync(Event("INTERACTION_CREATE", 555), default);
        await handlers.EnqueueAsync(Event("INTERACTION_CREATE", 556), default);
        await handlers.StopAsync(default);

        Assert.Equal(1, dispatcher.Finished);
        var line = Assert.Single(logger.Lines, l => l.Contains("failed", StringComparison.Ordinal));
        Assert.Contains("INTERACTION_CREATE", line, StringComparison.Ordinal);
        Assert.Contains("555", line, StringComparison.Ordinal);
        Assert.Contains("boom", line, StringComparison.Ordinal);
    }

    private static GatewayEvent Event(string name, int id) =>
        new(name, JsonDocument.Parse($$"""{"id":"{{id}}"}""").RootElement, DateTimeOffset.UnixEpoch);

    /// <summary>Holds every event until released, counting how many run at once.</summary>
    private sealed class BlockingDispatcher : IGatewayDispatcher
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<string> _started = new();
        private int _running;
        private int _maxRunning;
        private int _finished;
        private int _cancelled;

        public string? FailOn { get; init; }

        public int Running => Volatile.Read(ref _running);

        public int MaxRunning => Volatile.Read(ref _maxRunning);

        public int Finished => Volatile.Read(ref _finished);

        public int Cancelled => Volatile.Read(ref _cancelled);

        public void Release() => _release.TrySetResult();

        public Task WaitForStartedAsync(int count) => Bot.Testing.Poll.UntilAsync(() => _started.Count >= count, count + " events in hand");

        public async Task DispatchAsync(string eventName, JsonElement data, DateTimeOffset receivedAt, CancellationToken ct)
        {
            var id = data.GetProperty("id").GetString()!;
            _started.Enqueue(id);
            var now = Interlocked.Increment(ref _running);
            InterlockedMax(ref _maxRunning, now);
            try
            {
                await _release.Task.WaitAsync(ct);
                if (id == FailOn)
                {
                    throw new InvalidOperationException("boom");
                }

                Interlocked.Increment(ref _finished);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
