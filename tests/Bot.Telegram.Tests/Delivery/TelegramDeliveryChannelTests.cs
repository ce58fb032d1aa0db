using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Core.Subscriptions;
using Bot.Telegram.Delivery;
using Bot.Telegram.Rendering;
using Bot.Telegram.Tests.Support;
using Bot.Testing;
using Bot.Testing.Telegram;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Telegram.Tests.Delivery;

public sealed class TelegramDeliveryChannelTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private FakeTelegramServer _fake = null!;
    private TelegramDeliveryChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync(time: _time);
        _channel = TelegramClients.Channel(_fake);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static DeliveryTarget Private(long id) => new(id.ToString(System.Globalization.CultureInfo.InvariantCulture), ChatKind.Private, null);

    [Fact]
    public async Task SendPart_ShortArticle_SendsHeaderAndBodyAsValidHtml()
    {
        var outcome = await _channel.SendPartAsync(Private(7), SampleArticles.Make(), 0, CancellationToken.None);

        var sent = Assert.IsType<SendOutcome.Sent>(outcome);
        var message = Assert.Single(_fake.Messages);
        Assert.Equal(message.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(sent.MessageIds));
        Assert.StartsWith("<b>朝鲜与普京</b>\n<i>作者 · 2026-03-01</i>\n#国际 #俄罗斯", message.Html, StringComparison.Ordinal);
        Assert.Contains("<b>重点</b>", message.Html, StringComparison.Ordinal);
        Assert.True(message.LinkPreviewDisabled);
    }

    [Fact]
    public async Task SendPart_EveryPartOfALongArticle_IsAcceptedByTelegram()
    {
        var article = SampleArticles.Lengthy();
        var count = _channel.CountParts(article);
        Assert.True(count >= 3);

        for (var i = 0; i < count; i++)
        {
            Assert.IsType<SendOutcome.Sent>(await _channel.SendPartAsync(new DeliveryTarget("-100500", ChatKind.Group, null), article, i, CancellationToken.None));
        }

        var messages = _fake.Messages;
        Assert.Equal(count, messages.Count);
        Assert.Contains("长文章 &lt;script&gt;", messages[0].Html, StringComparison.Ordinal);
        Assert.EndsWith($"({count}/{count})", messages[^1].VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendPart_TwiceQuicklyToAPrivateChat_IsRateLimitedUntilTheClockMoves()
    {
        var article = SampleArticles.Lengthy();
        Assert.IsType<SendOutcome.Sent>(await _channel.SendPartAsync(Private(8), article, 0, CancellationToken.None));

        var limited = Assert.IsType<SendOutcome.RateLimited>(await _channel.SendPartAsync(Private(8), article, 1, CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(1), limited.RetryAfter);

        _time.Advance(limited.RetryAfter);
        Assert.IsType<SendOutcome.Sent>(await _channel.SendPartAsync(Private(8), article, 1, CancellationToken.None));
    }

    [Fact]
    public async Task SendPart_UserBlockedTheBot_IsChatGone()
    {
        _fake.Script(9, new FakeFailure.Blocked());
        var gone = Assert.IsType<SendOutcome.ChatGone>(await _channel.SendPartAsync(Private(9), SampleArticles.Make(), 0, CancellationToken.None));
        Assert.Contains("blocked", gone.Reason, StringComparison.Ordinal);
        Assert.Equal(ChatGoneKind.BlockedByUser, gone.Kind);
    }

    [Fact]
    public async Task SendPart_GroupUpgradedToSupergroup_IsChatMigratedToTheNewId()
    {
        _fake.Script(-77, new FakeFailure.Migrated(-1_000_000_077));
        var moved = Assert.IsType<SendOutcome.ChatMigrated>(await _channel.SendPartAsync(new DeliveryTarget("-77", ChatKind.Group, null), SampleArticles.Make(), 0, CancellationToken.None));
        Assert.Equal("-1000000077", moved.NewChatId);
    }

    [Fact]
    public async Task SendPart_ServerError_IsTransient() =>
        await AssertOutcome<SendOutcome.Transient>(new FakeFailure.ServerError(502));

    [Fact]
    public async Task SendPart_ScriptedFloodWait_CarriesRetryAfter()
    {
        _fake.Script(11, new FakeFailure.TooManyRequests(17));
        var limited = Assert.IsType<SendOutcome.RateLimited>(await _channel.SendPartAsync(Private(11), SampleArticles.Make(), 0, CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(17), limited.RetryAfter);
    }

    [Fact]
    public async Task SendPart_ChannelWhereBotIsNoAdmin_IsChatGone()
    {
        _fake.AddChat(-100_123, "channel", "News", "news_channel");
        var outcome = await _channel.SendPartAsync(new DeliveryTarget("-100123", ChatKind.Channel, null), SampleArticles.Make(), 0, CancellationToken.None);
        Assert.Equal(ChatGoneKind.NoRightToPost, Assert.IsType<SendOutcome.ChatGone>(outcome).Kind);
    }

    [Fact]
    public async Task SendPart_ToForumTopic_PassesTheThread()
    {
        await _channel.SendPartAsync(new DeliveryTarget("-100900", ChatKind.Group, "55"), SampleArticles.Make(), 0, CancellationToken.None);
        Assert.Equal(55, Assert.Single(_fake.Messages).ThreadId);
    }

    [Fact]
    public async Task SendPart_ToADeletedForumTopic_IsGoneForThatTopicOnly()
    {
        _fake.AddChat(-100901, "supergroup", "论坛").DeletedTopics.Add(55);

        var deleted = await _channel.SendPartAsync(new DeliveryTarget("-100901", ChatKind.Group, "55"), SampleArticles.Make(), 0, CancellationToken.None);
        var other = await _channel.SendPartAsync(new DeliveryTarget("-100901", ChatKind.Group, "56"), SampleArticles.Make(), 0, CancellationToken.None);

        Assert.Equal(ChatGoneKind.TopicDeleted, Assert.IsType<SendOutcome.ChatGone>(deleted).Kind);
        Assert.IsType<SendOutcome.Sent>(other);
    }

    [Fact]
    public async Task SendPart_WithPaidBroadcastOn_SetsAllowPaidBroadcast()
    {
        var paid = TelegramClients.Channel(_fake, new TelegramOptions { AllowPaidBroadcast = true });

        await paid.SendPartAsync(Private(21), SampleArticles.Make(), 0, CancellationToken.None);
        await _channel.SendPartAsync(Private(22), SampleArticles.Make(), 0, CancellationToken.None);

        Assert.True(_fake.Messages.Single(m => m.ChatId == 21).PaidBroadcast);
        Assert.False(_fake.Messages.Single(m => m.ChatId == 22).PaidBroadcast);
    }

    [Fact]
    public async Task SendPart_ToASilentTarget_DisablesTheNotification()
    {
        await _channel.SendPartAsync(Private(31) with { Silent = true }, SampleArticles.Make(), 0, CancellationToken.None);
        await _channel.SendPartAsync(Private(32), SampleArticles.Make(), 0, CancellationToken.None);

        Assert.True(_fake.Messages.Single(m => m.ChatId == 31).Silent);
        Assert.False(_fake.Messages.Single(m => m.ChatId == 32).Silent);
    }

    [Fact]
    public async Task ADigestOfThreeHundredArticles_IsSplitAtTelegramsLimit_ListingEveryOne()
    {
        await using var h = await Bot.Testing.Delivery.DeliveryHarness.CreateAsync();
        var chat = Bot.Testing.Delivery.DeliveryHarness.Group("-100");
        await h.Subscriptions.SubscribeAsync(chat, Bot.Core.Subscriptions.SubscriptionFilter.Everything, CancellationToken.None);
        var schedule = Bot.Core.Subscriptions.DigestSchedule.Daily(new TimeOnly(8, 0));
        await h.Preferences.SetDigestAsync(chat, schedule, "zh", CancellationToken.None);
        var ids = new List<long>();
        for (var i = 0; i < 300; i++)
        {
            ids.Add(await h.PublishAsync($"一篇相当长的文章标题，用来填满摘要 {i}"));
        }

        // The digest's own time, not a day later: a digest missed by more than the grace is skipped.
        h.Clock.SetUtcNow(schedule.NextAfter(h.Clock.GetUtcNow(), h.Zones.Resolve(null)));
        Assert.Equal(Bot.Core.Digests.DigestResult.Queued, await h.Maker.RunDueAsync(1, CancellationToken.None));
        var digest = await h.Digests.ComposeAsync(1, CancellationToken.None);
        Assert.NotNull(digest);

        var parts = new TelegramArticleRenderer().Render(digest);
        Assert.True(parts.Count > 1);
        // Telegram's limit is 4096 characters after entities parsing, not of the HTML source.
        Assert.All(parts, part => Assert.InRange(TelegramHtmlValidator.Parse(part).Text!.Length, 1, TelegramLimits.MessageText));
        var all = string.Concat(parts);
        Assert.All(ids, id => Assert.Contains($"/read {id}", all, StringComparison.Ordinal));
        for (var i = 0; i < parts.Count; i++)
        {
            Assert.IsType<SendOutcome.Sent>(await _channel.SendPartAsync(new DeliveryTarget("-100500", ChatKind.Group, null), digest, i, CancellationToken.None));
        }
    }

    [Fact]
    public async Task SendPart_ErrorEchoingTheRequestUrl_OutcomeNeverCarriesTheToken()
    {
        _fake.Script(23, new FakeFailure.EchoingUrl());

        var outcome = Assert.IsType<SendOutcome.Transient>(await _channel.SendPartAsync(Private(23), SampleArticles.Make(), 0, CancellationToken.None));

        Assert.Contains("<token>", outcome.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.Token.Split(':')[1], outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendPart_IndexOutOfRange_IsBadRequestWithoutCallingTelegram()
    {
        Assert.IsType<SendOutcome.BadRequest>(await _channel.SendPartAsync(Private(12), SampleArticles.Make(), 5, CancellationToken.None));
        Assert.Empty(_fake.Messages);
    }

    [Fact]
    public async Task Delete_SentMessage_IsDeletedAndDeletingAgainStillSucceeds()
    {
        var sent = (SendOutcome.Sent)await _channel.SendPartAsync(Private(13), SampleArticles.Make(), 0, CancellationToken.None);
        var id = sent.MessageIds[0];

        Assert.IsType<SendOutcome.Sent>(await _channel.DeleteAsync(Private(13), id, CancellationToken.None));
        Assert.True(Assert.Single(_fake.Messages).Deleted);
        Assert.IsType<SendOutcome.Sent>(await _channel.DeleteAsync(Private(13), id, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_MessageOlderThan48Hours_IsBadRequest()
    {
        var sent = (SendOutcome.Sent)await _channel.SendPartAsync(Private(14), SampleArticles.Make(), 0, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(49));

        Assert.IsType<SendOutcome.BadRequest>(await _channel.DeleteAsync(Private(14), sent.MessageIds[0], CancellationToken.None));
        Assert.False(Assert.Single(_fake.Messages).Deleted);
    }

    private async Task AssertOutcome<T>(FakeFailure failure)
        where T : SendOutcome
    {
        _fake.Script(10, failure);
        Assert.IsType<T>(await _channel.SendPartAsync(Private(10), SampleArticles.Make(), 0, CancellationToken.None));
    }
}
