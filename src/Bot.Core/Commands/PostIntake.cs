using System.Text;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Commands.Buttons;
using Bot.Core.Configuration;
using Bot.Core.Delivery;
using Bot.Core.Localization;
using Bot.Core.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Commands;

/// <summary>Turns an admin's file or text into a draft and answers with a preview and Publish / Schedule / Cancel buttons.</summary>
public sealed class PostIntake(
    IArticleParser parser,
    IArticleStore articles,
    IEnumerable<IDeliveryChannel> channels,
    IOptions<BotOptions> options,
    ILogger<PostIntake> logger,
    MediaArchiver? media = null,
    Sources.PageImporter? pages = null)
{
    private static readonly string[] AllowedExtensions = [".md", ".markdown", ".txt"];

    public async Task<IReadOnlyList<Reply>> FromFileAsync(IncomingMessage message, UiText text, CancellationToken ct)
    {
        var file = message.File!;
        var name = Path.GetFileName(file.FileName);
        if (!AllowedExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
        {
            return CommandContext.Say(text.PostBadType(name));
        }

        var max = options.Value.MaxPostBytes;
        if (file.Size > max)
        {
            return CommandContext.Say(text.PostTooLarge(max));
        }

        // The size a platform reports can be wrong or missing: never read more than the limit.
        await using var stream = await file.OpenAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return CommandContext.Say(text.PostTooLarge(max));
            }

            buffer.Write(chunk, 0, read);
        }

        return await DraftAsync(message, name, buffer.ToArray(), text, ct);
    }

    /// <summary>Text after /post: a lone web page URL is fetched and its article extracted (issue 14); anything else is the article.</summary>
    public Task<IReadOnlyList<Reply>> FromTextAsync(IncomingMessage message, string body, UiText text, CancellationToken ct) =>
        pages is not null && body.Trim() is var trimmed && Sources.PageImporter.IsUrl(trimmed) && !trimmed.Any(char.IsWhiteSpace)
            ? FromUrlAsync(message, trimmed, text, ct)
            : DraftAsync(message, "post.md", Encoding.UTF8.GetBytes(body), text, ct);

    private async Task<IReadOnlyList<Reply>> FromUrlAsync(IncomingMessage message, string url, UiText text, CancellationToken ct)
    {
        var (article, error) = await pages!.ReadAsync(url, ct);
        if (article is null)
        {
            return CommandContext.Say(text.PostUrlFailed(error ?? string.Empty));
        }

        // A draft, like any post: Publish / Schedule / Cancel decide; source_file stays free for imports.
        var draft = await articles.CreateDraftAsync(article with { SourceFile = null }, ct);
        logger.LogInformation("Draft {ArticleId} from {Url} created by {Platform} user {UserId}", draft.Id, url, message.User.Platform, message.User.UserId);
        return Preview(await WithImagesAsync(draft, ct), message.Chat.Platform, text);
    }

    /// <summary>A short post from a form (Discord modal): the title goes into front matter as a quoted YAML string.</summary>
    public Task<IReadOnlyList<Reply>> FromFormAsync(IncomingMessage message, string title, string body, UiText text, CancellationToken ct)
    {
        var quoted = title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace('\r', ' ').Replace('\n', ' ');
        return DraftAsync(message, "post.md", Encoding.UTF8.GetBytes($"---\ntitle: \"{quoted}\"\n---\n\n{body}"), text, ct);
    }

    private async Task<IReadOnlyList<Reply>> DraftAsync(IncomingMessage message, string fileName, byte[] content, UiText text, CancellationToken ct)
    {
        var parsed = parser.Parse(fileName, content);
        if (!parsed.Succeeded)
        {
            return CommandContext.Say(text.PostParseFailed(parsed.Problem!));
        }

        // A post is not a file of the archive: source_file is unique and belongs to imports, and
        // two admins' "post.md" must not collide.
        var draft = await articles.CreateDraftAsync(parsed.Article! with { SourceFile = null }, ct);
        logger.LogInformation("Draft {ArticleId} created by {Platform} user {UserId}", draft.Id, message.User.Platform, message.User.UserId);
        return Preview(await WithImagesAsync(draft, ct), message.Chat.Platform, text);
    }

    /// <summary>Archives the draft's images before the preview, so the admin sees what subscribers will get; a failed image stays a link.</summary>
    private async Task<Article> WithImagesAsync(Article draft, CancellationToken ct)
    {
        if (media is null)
        {
            return draft;
        }

        try
        {
            await media.ArchiveAsync([MediaSource.Of(draft)], ct);
            return await articles.GetAsync(draft.Id, ct) ?? draft;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not archive the images of draft {ArticleId}", draft.Id);
            return draft;
        }
    }

    public IReadOnlyList<Reply> Preview(Article draft, Platform platform, UiText text)
    {
        var parts = channels.FirstOrDefault(c => c.Platform == platform)?.CountParts(draft) ?? 1;
        var summary = text.Preview(
            draft.Id,
            draft.Title,
            draft.Author,
            draft.Tags,
            draft.PlainText.Length,
            parts);
        ReplyButton[] buttons =
        [
            new(text.PublishNowButton, PublishPayload.Create(draft.Id)),
            new(text.ScheduleButton, SchedulePayload.Create(draft.Id)),
            new(text.CancelButton, DiscardPayload.Create(draft.Id)),
        ];
        return [new Reply.ArticleView(draft, MaxParts: 1), new Reply.Text(summary, [buttons])];
    }
}
