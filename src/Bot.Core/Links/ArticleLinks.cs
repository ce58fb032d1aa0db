using Bot.Core.Articles;
using Bot.Core.Configuration;
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
    // Read on first use, not in the constructor: the options are validated when the host starts, and a
    // constructor that read them would turn a bad setting into a stack trace before that check speaks.
    private readonly Lazy<Uri?> _base = new(() => ParseBase(web.Value.PublicUrl));
    private readonly Lazy<IReadOnlyList<BackupLink>> _backups = new(() => BotOptions.ParseBackupLinks(bot.Value.BackupLinks));

    /// <summary>Configured backup links, in order; entries that do not parse are refused at start by validation.</summary>
    public IReadOnlyList<BackupLink> Backups => _backups.Value;

    public Uri? PublicBase => _base.Value;

    /// <summary>The article's page on the web archive, or null when Web:PublicUrl is not set.</summary>
    public Uri? ArticlePage(long id) => PublicBase is not { } root ? null : new Uri(root, "articles/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>An archived image on the web archive (<c>/media/{sha256}</c>), or null when Web:PublicUrl is not set.</summary>
    public Uri? MediaFile(string sha256) => PublicBase is not { } root ? null : new Uri(root, "media/" + sha256);

    public ArticleFooter FooterFor(Article article)
    {
        var chinese = article.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        return new ArticleFooter(
            // A digest is article-shaped with a negative id and has no page of its own.
            article.Id > 0 ? ArticlePage(article.Id) : null,
            chinese ? "在网页上阅读" : "Read on the web",
            chinese ? "备用" : "Backup",
            bot.Value.BackupLinksInDeliveries ? Backups : []);
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
