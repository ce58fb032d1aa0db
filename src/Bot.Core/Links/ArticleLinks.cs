using Bot.Core.Articles;
using Bot.Core.Commands;
using Microsoft.Extensions.Options;

namespace Bot.Core.Links;

/// <summary>What goes under an article in a chat: the "read on the web" link and, when enabled, the backup links.</summary>
/// <param name="WebUrl">The article's page on the web archive, when Web:PublicUrl is set.</param>
/// <param name="WebLabel">The link's text, in the article's language.</param>
/// <param name="BackupLabel">What the backup line starts with, in the article's language.</param>
public sealed record ArticleFooter(Uri? WebUrl, string WebLabel, string BackupLabel, IReadOnlyList<BackupLink> Backups)
{
    public bool IsEmpty => WebUrl is null && Backups.Count == 0;
}

/// <summary>
/// Builds links to the web archive and the publisher's backup links from configuration, once. Chat
/// adapters render the footer with their own escaping; Core only decides what it says.
/// </summary>
public sealed class ArticleLinks(IOptions<PublicUrlOptions> web, IOptions<BotOptions> bot)
{
    private readonly Uri? _base = ParseBase(web.Value.PublicUrl);
    private readonly IReadOnlyList<BackupLink> _backups = BotOptions.ParseBackupLinks(bot.Value.BackupLinks);

    /// <summary>Configured backup links, in order; entries that do not parse are refused at start by validation.</summary>
    public IReadOnlyList<BackupLink> Backups => _backups;

    public Uri? PublicBase => _base;

    /// <summary>The article's page on the web archive, or null when Web:PublicUrl is not set.</summary>
    public Uri? ArticlePage(long id) => _base is null ? null : new Uri(_base, "articles/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public ArticleFooter FooterFor(Article article)
    {
        var chinese = article.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        return new ArticleFooter(
            ArticlePage(article.Id),
            chinese ? "在网页上阅读" : "Read on the web",
            chinese ? "备用" : "Backup",
            bot.Value.BackupLinksInDeliveries ? _backups : []);
    }

    /// <summary>The base with a trailing slash, so relative paths append rather than replace its last segment.</summary>
    public static Uri? ParseBase(string? publicUrl)
    {
        if (string.IsNullOrWhiteSpace(publicUrl) || !Uri.TryCreate(publicUrl.Trim(), UriKind.Absolute, out var url))
        {
            return null;
        }

        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }
}
