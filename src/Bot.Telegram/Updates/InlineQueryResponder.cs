using System.Globalization;
using Bot.Core.Articles;
using Bot.Core.Localization;
using Bot.Core.Search;
using Bot.Telegram.Api;
using Bot.Telegram.Hosting;
using Bot.Telegram.Rendering;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.InlineQueryResults;

namespace Bot.Telegram.Updates;

/// <summary>
/// "@bot 朝鲜" in any chat: search results as inline articles, paged with next_offset; choosing one
/// posts its title and snippet with a deep link that opens the whole article in the bot.
/// </summary>
public sealed class InlineQueryResponder(
    ISearchService search,
    IArticleStore articles,
    ITelegramApi client,
    TelegramBotIdentity identity,
    IOptions<TelegramOptions> options)
{
    private const int PageSize = 20;

    public async Task HandleAsync(InlineQuery query, CancellationToken ct)
    {
        var offset = int.TryParse(query.Offset, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var text = query.Query.Trim();

        // "@bot" with nothing typed yet shows the newest articles, one page only.
        var result = text.Length == 0
            ? offset == 0 ? Latest(await articles.LatestAsync(PageSize, ct)) : SearchResult.Empty
            : await search.SearchAsync(new SearchRequest(text, PageSize, offset), ct);
        var me = await identity.GetAsync(ct);
        var language = Languages.FromTag(query.From.LanguageCode);
        var results = result.Hits
            .DistinctBy(h => h.ArticleId)
            .Select(hit => ToResult(hit, me.Username ?? string.Empty, language))
            .ToList();
        var next = results.Count > 0 && offset + result.Hits.Count < result.Total
            ? (offset + result.Hits.Count).ToString(CultureInfo.InvariantCulture)
            : null;
        await client.AnswerInlineQuery(query.Id, results, next, options.Value.InlineCacheSeconds, ct);
    }

    private static SearchResult Latest(IReadOnlyList<Article> latest) =>
        new(latest.Count, [.. latest.Select(a => new SearchHit(a.Id, a.Title, Clip((a.Summary ?? a.PlainText).ReplaceLineEndings(" ").Trim(), 80), [], 0, a.Published))]);

    public static string DeepLink(string botUsername, long articleId) =>
        $"https://t.me/{botUsername}?start=a{articleId.ToString(CultureInfo.InvariantCulture)}";

    private static InlineQueryResultArticle ToResult(SearchHit hit, string botUsername, Language language)
    {
        var title = string.IsNullOrWhiteSpace(hit.Title) ? "#" + hit.ArticleId.ToString(CultureInfo.InvariantCulture) : hit.Title.Trim();
        var link = DeepLink(botUsername, hit.ArticleId);
        var readLabel = TelegramHtmlWriter.Escape(UiText.For(language).ReadArticleLink);
        var html = $"<b>{TelegramHtmlWriter.Escape(Clip(title, 512))}</b>\n{TelegramHtmlWriter.Escape(hit.Snippet)}\n\n<a href=\"{TelegramHtmlWriter.Escape(link)}\">{readLabel}</a>";
        return new InlineQueryResultArticle(
            "a" + hit.ArticleId.ToString(CultureInfo.InvariantCulture),
            Clip(title, 256),
            new InputTextMessageContent(html) { ParseMode = ParseMode.Html, LinkPreviewOptions = new LinkPreviewOptions { IsDisabled = true } })
        {
            Description = Clip(hit.Snippet, 200),
            Url = link,
        };
    }

    // Cuts at a character boundary, never between the halves of a surrogate pair.
    private static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return text[..cut] + "…";
    }
}
