using System.Net;
using System.Runtime.CompilerServices;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Discord.Models;
using Bot.Discord.Rendering;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Delivery;

/// <summary>Sends article parts to Discord channels and maps every answer to a <see cref="SendOutcome"/>.</summary>
public sealed class DiscordDeliveryChannel(IDiscordRestClient rest, ArticleRenderer renderer, ILogger<DiscordDeliveryChannel> logger) : IDeliveryChannel
{
    // The worker asks for the count and then for each part of the same (cached) article instance:
    // render it once per instance rather than once per part. Entries go when the article is collected.
    private readonly ConditionalWeakTable<Article, IReadOnlyList<MessagePayload>> _rendered = [];

    public Platform Platform => Platform.Discord;

    public int CountParts(Article article) => Render(article).Count;

    public async Task<SendOutcome> SendPartAsync(DeliveryTarget target, Article article, int partIndex, CancellationToken ct)
    {
        var parts = Render(article);
        if (partIndex < 0 || partIndex >= parts.Count)
        {
            return new SendOutcome.BadRequest($"part {partIndex} of {parts.Count} does not exist");
        }

        // A thread is a channel of its own on Discord: messages go to its id.
        var channelId = target.ThreadId ?? target.ChatId;
        var payload = target.Silent ? parts[partIndex] with { Flags = (parts[partIndex].Flags ?? 0) | MessagePayload.SuppressNotificationsFlag } : parts[partIndex];
        return await CallAsync(channelId, async () => new SendOutcome.Sent([(await rest.SendMessageAsync(channelId, payload, ct)).Id]), deleting: false);
    }

    public Task<SendOutcome> DeleteAsync(DeliveryTarget target, string messageId, CancellationToken ct)
    {
        var channelId = target.ThreadId ?? target.ChatId;
        return CallAsync(channelId, async () =>
        {
            await rest.DeleteMessageAsync(channelId, messageId, ct);
            return new SendOutcome.Sent([]);
        }, deleting: true);
    }

    private async Task<SendOutcome> CallAsync(string channelId, Func<Task<SendOutcome>> call, bool deleting)
    {
        try
        {
            return await call();
        }
        catch (DiscordRateLimitedException e)
        {
            return new SendOutcome.RateLimited(e.RetryAfter);
        }
        catch (DiscordTokenRejectedException e)
        {
            // The bot's problem, not the chat's: the host is stopping; the send is retried after a restart.
            return new SendOutcome.Transient(e.Message);
        }
        catch (DiscordApiException e)
        {
            var outcome = Map(e, deleting);
            logger.LogInformation("Discord refused a {Action} in channel {ChannelId}: {Status} {Code} → {Outcome}", deleting ? "deletion" : "message", channelId, (int)e.Status, e.Code, outcome.GetType().Name);
            return outcome;
        }
        catch (HttpRequestException e)
        {
            return new SendOutcome.Transient(e.Message);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            return new SendOutcome.Transient("timeout");
        }
        catch (ArgumentException e)
        {
            // A chat id that is not a snowflake can never be delivered to.
            return new SendOutcome.ChatGone(e.Message);
        }
    }

    private IReadOnlyList<MessagePayload> Render(Article article) => _rendered.GetValue(article, renderer.Render);

    public static SendOutcome Map(DiscordApiException e, bool deleting) => (e.Code, e.Status) switch
    {
        (DiscordApiException.UnknownMessage or DiscordApiException.UnknownChannel, _) when deleting => new SendOutcome.Sent([]),
        (DiscordApiException.UnknownChannel or DiscordApiException.MissingAccess or DiscordApiException.MissingPermissions, _) when deleting => new SendOutcome.BadRequest(e.ApiMessage),
        (DiscordApiException.UnknownChannel or DiscordApiException.MissingAccess or DiscordApiException.MissingPermissions, _) => new SendOutcome.ChatGone(e.ApiMessage),
        (_, HttpStatusCode.Forbidden or HttpStatusCode.NotFound) when !deleting => new SendOutcome.ChatGone(e.ApiMessage),
        (_, HttpStatusCode.NotFound) => new SendOutcome.Sent([]),
        (_, HttpStatusCode.Forbidden) => new SendOutcome.BadRequest(e.ApiMessage),
        // A rejected token is the bot's problem, not the chat's: retry rather than drop subscribers.
        (_, HttpStatusCode.Unauthorized) => new SendOutcome.Transient(e.ApiMessage),
        (_, >= HttpStatusCode.InternalServerError) => new SendOutcome.Transient(e.ApiMessage),
        _ => new SendOutcome.BadRequest(e.ApiMessage),
    };
}
