using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Core.Media;
using Bot.Core.Subscriptions;
using Bot.Discord.Models;
using Bot.Discord.Rendering;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Delivery;

/// <summary>
/// Sends article parts to Discord channels and maps every answer to a <see cref="SendOutcome"/>. An article
/// with an archived image shows its lead image as the head embed's image: uploaded with the first message
/// that needs it (multipart, <c>attachment://</c>), then reused by the CDN URL Discord gave back until that
/// URL nears its expiry. The image never changes the parts, so a resumed delivery resumes at the same part.
/// </summary>
public sealed class DiscordDeliveryChannel(
    IDiscordRestClient rest,
    ArticleRenderer renderer,
    MediaUploads uploads,
    IOptions<DiscordOptions> options,
    IOptions<DeliveryOptions> delivery,
    ILogger<DiscordDeliveryChannel> logger) : IDeliveryChannel
{
    // The worker asks for the count and then for each part of the same (cached) article instance:
    // render it once per instance rather than once per part. Entries go when the article is collected.
    private readonly ConditionalWeakTable<Article, IReadOnlyList<MessagePayload>> _rendered = [];

    // Images Discord refused as too large (a limit below Discord:MaxAttachmentBytes): not offered again to every channel.
    private readonly ConcurrentDictionary<string, bool> _refused = new();

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
        if (partIndex == 0 && LeadImage(article) is { } lead)
        {
            return await CallAsync(channelId, async () => new SendOutcome.Sent([(await SendWithImageAsync(channelId, article.Id, payload, lead, ct)).Id]), deleting: false);
        }

        return await CallAsync(channelId, async () => new SendOutcome.Sent([(await rest.SendMessageAsync(channelId, payload, ct)).Id]), deleting: false);
    }

    /// <summary>The first stored image Discord would take as an attachment, unless images are off (Delivery:Images=none).</summary>
    public StoredImage? LeadImage(Article article)
    {
        var limit = options.Value.MaxAttachmentBytes;
        var candidates = article with { Images = [.. article.Images.Where(i => i.Stored is null || (i.Stored.Bytes <= limit && !_refused.ContainsKey(i.Stored.Sha256)))] };
        return ArticleImagePlan.For(candidates, delivery.Value.Images, maxAlbum: 1).Lead?.Stored;
    }

    private async Task<Message> SendWithImageAsync(string channelId, long articleId, MessagePayload payload, StoredImage image, CancellationToken ct)
    {
        try
        {
            return await uploads.SendAsync(
                image,
                Platform.Discord,
                async (url, c) => new ImageSend<Message>(await rest.SendMessageAsync(channelId, payload.WithHeadImage(url), c)),
                async (upload, c) =>
                {
                    var name = upload.Image.FileName;
                    var withFile = payload.WithHeadImage("attachment://" + name) with { Attachments = [new AttachmentSlot(0, name)] };
                    var message = await rest.SendMessageWithFilesAsync(channelId, withFile, [new FileUpload(name, upload.Image.ContentType, upload.Bytes)], c);
                    var url = message.Attachments?.FirstOrDefault(a => a.Filename == name)?.Url ?? (message.Embeds is [var first, ..] ? first.Image?.Url : null);
                    return DiscordCdnUrl.IsWebUrl(url)
                        ? new ImageSend<Message>(message, url, ExpiresAt: DiscordCdnUrl.ExpiresAt(url))
                        : new ImageSend<Message>(message);
                },
                ct);
        }
        catch (FileNotFoundException)
        {
            // The row says stored but the file is gone (a restore without the media folder): the text's link stands in.
            logger.LogWarning("The archived image {Sha256} of article {ArticleId} is missing from the media folder; sent without it", image.Sha256, articleId);
        }
        catch (DiscordApiException e) when (e.Status == HttpStatusCode.RequestEntityTooLarge || e.Code == DiscordApiException.RequestEntityTooLarge)
        {
            _refused[image.Sha256] = true;
            logger.LogWarning("Discord refused the image {Sha256} ({Bytes} bytes) of article {ArticleId} as too large; sent without it", image.Sha256, image.Bytes, articleId);
        }

        return await rest.SendMessageAsync(channelId, payload, ct);
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
            return new SendOutcome.ChatGone(ChatGoneKind.Other, e.Message);
        }
    }

    private IReadOnlyList<MessagePayload> Render(Article article) => _rendered.GetValue(article, renderer.Render);

    public static SendOutcome Map(DiscordApiException e, bool deleting) => (e.Code, e.Status) switch
    {
        (DiscordApiException.UnknownMessage or DiscordApiException.UnknownChannel, _) when deleting => new SendOutcome.Sent([]),
        (DiscordApiException.UnknownChannel or DiscordApiException.MissingAccess or DiscordApiException.MissingPermissions, _) when deleting => new SendOutcome.BadRequest(e.ApiMessage),
        (DiscordApiException.UnknownChannel, _) => new SendOutcome.ChatGone(ChatGoneKind.ChatDeleted, e.ApiMessage),
        (DiscordApiException.MissingAccess, _) => new SendOutcome.ChatGone(ChatGoneKind.RemovedFromChat, e.ApiMessage),
        (DiscordApiException.MissingPermissions, _) => new SendOutcome.ChatGone(ChatGoneKind.NoRightToPost, e.ApiMessage),
        (_, HttpStatusCode.Forbidden or HttpStatusCode.NotFound) when !deleting => new SendOutcome.ChatGone(ChatGoneKind.Other, e.ApiMessage),
        (_, HttpStatusCode.NotFound) => new SendOutcome.Sent([]),
        (_, HttpStatusCode.Forbidden) => new SendOutcome.BadRequest(e.ApiMessage),
        // A rejected token is the bot's problem, not the chat's: retry rather than drop subscribers.
        (_, HttpStatusCode.Unauthorized) => new SendOutcome.Transient(e.ApiMessage),
        (_, >= HttpStatusCode.InternalServerError) => new SendOutcome.Transient(e.ApiMessage),
        _ => new SendOutcome.BadRequest(e.ApiMessage),
    };
}
