using Bot.Discord.Rest;
using Bot.Testing;

namespace Bot.Discord.Tests.Rest;

public sealed class GlobalRequestBudgetTests
{
    [Fact]
    public async Task Wait_PastFiftyInOneSecond_WaitsForTheOldestToLeaveTheWindow()
    {
        var time = new FakeTimeProvider();
        using var budget = new GlobalRequestBudget(time);
        for (var i = 0; i < 50; i++)
        {
            Assert.True(budget.WaitAsync(0, default).IsCompleted);
        }

        var waiting = budget.WaitAsync(0, default);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(waiting.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, budget.InLastSecond);
    }

    [Fact]
    public async Task Wait_HigherPriority_GoesBeforeEarlierWaiters()
    {
        var time = new FakeTimeProvider();
        using var budget = new GlobalRequestBudget(time, perSecond: 1);
        await budget.WaitAsync(0, default);
        var early = budget.WaitAsync(0, default);
        var urgent = budget.WaitAsync(1, default);

        time.Advance(TimeSpan.FromSeconds(1));
        await urgent.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(early.IsCompleted);
    }

    [Fact]
    public async Task Wait_Cancelled_GivesItsTurnToTheNext()
    {
        var time = new FakeTimeProvider();
        using var budget = new GlobalRequestBudget(time, perSecond: 1);
        await budget.WaitAsync(0, default);
        using var cancel = new CancellationTokenSource();
        var cancelled = budget.WaitAsync(0, cancel.Token);
        var next = budget.WaitAsync(0, default);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
