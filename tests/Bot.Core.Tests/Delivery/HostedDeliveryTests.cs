using Bot.Core.Articles;
using Bot.Core.Delivery;
using Bot.Core.Publishing;
using Bot.Core.Storage;
using Bot.Core.Subscriptions;
using Bot.Testing;
using Bot.Testing.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Core.Tests.Delivery;

public sealed class HostedDeliveryTests
{
    // Guards against a hang only; the tests wait for events, never for time.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task HostedWorker_SendsWhenPublished_AndReleasesLeasesOnGracefulStop()
    {
        await using var h = await DeliveryHarness.CreateAsync();
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("a"), SubscriptionFilter.Everything, None);
        await h.Subscriptions.SubscribeAsync(DeliveryHarness.Private("b"), SubscriptionFilter.Everything, None);
        await h.Worker.StartAsync(None);

        await h.PublishAsync("一");
        await h.Channel.WaitForSentAsync(2).WaitAsync(Hang);

        h.Channel.Hold();
        await h.PublishAsync("二");
        await h.Channel.WaitForSentAsync(4).WaitAsync(Hang);
        await h.Worker.StopAsync(None);

        Assert.Equal(0L, await h.ScalarAsync<long>("SELECT count(*) FROM deliveries WHERE lease_owner IS NOT NULL"));
        Assert.Equal(2L, await h.ScalarAsync<long>("SELECT count(*) FROM deliveries WHERE state = 'pending' AND attempts = 0"));
    }

    [Fact]
    public async Task AddDelivery_QuartzJobPublishesScheduledArticlesOnTheInjectedClock()
    {
        await using var database = await TempDatabase.CreateAsync();
        var clock = new FakeTimeProvider();
        var channel = new FakeDeliveryChannel();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Delivery:PublishCheckSeconds"] = "5",
            ["Delivery:Telegram:GlobalPerSecond"] = "0",
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(database.Database);
        builder.Services.AddSingleton<IArticleStore>(new RowArticleStore(database.Database));
        builder.Services.AddSingleton<IDeliveryChannel>(channel);
        builder.Services.AddDelivery(builder.Configuration);
        using var host = builder.Build();
        var subscriptions = host.Services.GetRequiredService<ISubscriptionService>();
        var publishing = host.Services.GetRequiredService<IPublishingService>();
        await subscriptions.SubscribeAsync(DeliveryHarness.Private("1"), SubscriptionFilter.Everything, None);
        var id = await TestArticles.InsertAsync(database.Database, "定时");
        await publishing.ScheduleAsync(id, clock.GetUtcNow().AddMinutes(1), None);

        await host.StartAsync(None);
        var sent = channel.WaitForSentAsync(1);
        // Quartz runs on its own threads: the clock moves a second at a time until the job has fired.
        var started = DateTime.UtcNow;
        while (!sent.IsCompleted && DateTime.UtcNow - started < Hang)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(sent, Task.Delay(10, None));
        }

        await sent.WaitAsync(Hang);
        await host.StopAsync(None);
        Assert.Equal(id, Assert.Single(channel.Sent).ArticleId);
        Assert.Equal(new DeliveryStats(0, 1, 0), await publishing.StatsAsync(id, None));
    }
}
