using System.Globalization;
using Bot.Core.Articles;

namespace Bot.Web.Feeds;

/// <summary>What a feed says about itself, with absolute addresses (feed readers need them).</summary>
/// <param name="Base">The site's public base with a trailing slash; article links are {Base}articles/{id}.</param>
/// <param name="Self">The feed's own address.</param>
/// <param name="Home">The page the feed mirrors (the home page or a tag's page).</param>
public sealed record FeedInfo(string Title, Uri Base, string Self, string Home, string Language, DateTimeOffset Now)
{
    public string ArticleUrl(long id) => new Uri(Base, "articles/" + id.ToString(CultureInfo.InvariantCulture)).AbsoluteUri;

    /// <summary>Links in article HTML to the site itself (media) are made absolute: a feed is read elsewhere.</summary>
    public string AbsoluteLinks(string html) =>
        html.Replace("=\"/media/", "=\"" + Base.AbsoluteUri + "media/", StringComparison.Ordinal);

    public static DateTimeOffset Updated(Article article) =>
        article.Updated ?? article.Published ?? article.PublishedAt ?? DateTimeOffset.UnixEpoch;
}
