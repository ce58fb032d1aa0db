using Bot.Telegram.Updates;

namespace Bot.Telegram.Tests.Updates;

public sealed class UpdateSchedulerTests
{
    [Fact]
    public async Task OneLane_RunsInOrder_WhileAnotherLaneRunsMeanwhile()
    {
        using var scheduler = new UpdateScheduler(8);
        scheduler.TrackOffsets(null);
        var gate = new TaskCompletionSource();
        var order = new List<string>();
        await scheduler.ScheduleAsync(1, "chat:a", async () => { await gate.Task; Record(order, "a1"); }, CancellationToken.None);
        var a2 = await scheduler.ScheduleAsync(2, "chat:a", () => { Record(order, "a2"); return Task.CompletedTask; }, CancellationToken.None);
        var b3 = await scheduler.ScheduleAsync(3, "chat:b", () => { Record(order, "b3"); return Task.CompletedTask; }, CancellationToken.None);

        await b3!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["b3"], Snapshot(order));
        Assert.False(a2!.IsCompleted);

        gate.SetResult();
        await scheduler.DrainAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["b3", "a1", "a2"], Snapshot(order));
    }

    [Fact]
    public async Task ConfirmedOffset_StopsAtTheFirstUnhandledUpdate()
    {
        using var scheduler = new UpdateScheduler(8);
        scheduler.TrackOffsets(10);
        var gate = new TaskCompletionSource();
        await scheduler.ScheduleAsync(10, "chat:a", () => gate.Task, CancellationToken.None);
        var b = await scheduler.ScheduleAsync(11, "chat:b", () => Task.CompletedTask, CancellationToken.None);
        await b!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(10, scheduler.ConfirmedOffset);
        Assert.True(scheduler.IsKnown(10));
        Assert.True(scheduler.IsKnown(11));
        Assert.False(scheduler.IsKnown(12));
        Assert.Null(await scheduler.ScheduleAsync(11, "chat:b", () => throw new InvalidOperationException("handled twice"), CancellationToken.None));

        gate.SetResult();
        await scheduler.DrainAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(12, scheduler.ConfirmedOffset);
        Assert.True(scheduler.IsKnown(9));
    }

    [Fact]
    public async Task AFailedUpdate_DoesNotHoldUpItsLane()
    {
        using var scheduler = new UpdateScheduler(8);
        var failed = await scheduler.ScheduleAsync(1, "chat:a", () => throw new InvalidOperationException("boom"), CancellationToken.None);
        var next = await scheduler.ScheduleAsync(2, "chat:a", () => Task.CompletedTask, CancellationToken.None);

        await next!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(failed!.IsFaulted);
    }

    [Fact]
    public async Task ScheduleBeyondTheBound_WaitsForAFreeSlot()
    {
        using var scheduler = new UpdateScheduler(2);
        var gate = new TaskCompletionSource();
        await scheduler.ScheduleAsync(1, "chat:a", () => gate.Task, CancellationToken.None);
        await scheduler.ScheduleAsync(2, "chat:b", () => gate.Task, CancellationToken.None);

        var third = scheduler.ScheduleAsync(3, "chat:c", () => Task.CompletedTask, CancellationToken.None);
        Assert.False(third.IsCompleted);
        Assert.Equal(2, scheduler.InFlight);

        gate.SetResult();
        var handling = await third.WaitAsync(TimeSpan.FromSeconds(10));
        await handling!.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ConfirmPast_MovesTheOffsetBeyondAStalledUpdate()
    {
        using var scheduler = new UpdateScheduler(8);
        scheduler.TrackOffsets(null);
        var gate = new TaskCompletionSource();
        await scheduler.ScheduleAsync(5, "chat:a", () => gate.Task, CancellationToken.None);

        scheduler.ConfirmPast(50);

        Assert.Equal(50, scheduler.ConfirmedOffset);
        Assert.True(scheduler.IsKnown(49));
        gate.SetResult();
        await scheduler.DrainAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(50, scheduler.ConfirmedOffset);
    }

    [Fact]
    public async Task WithoutOffsets_AnOlderIdArrivingLate_IsStillHandled()
    {
        // Webhook calls may come out of order: only ids in flight count as known.
        using var scheduler = new UpdateScheduler(8);
        var later = await scheduler.ScheduleAsync(10, "chat:a", () => Task.CompletedTask, CancellationToken.None);
        await later!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(await scheduler.ScheduleAsync(9, "chat:a", () => Task.CompletedTask, CancellationToken.None));
    }

    private static void Record(List<string> order, string item)
    {
        lock (order)
        {
            order.Add(item);
        }
    }

    private static List<string> Snapshot(List<string> order)
    {
        lock (order)
        {
            return [.. order];
        }
    }
}
