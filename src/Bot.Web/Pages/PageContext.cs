using Bot.Core.Configuration;
using Bot.Web.Localization;

namespace Bot.Web.Pages;

/// <summary>Everything a page needs besides its content: where things are, which language, the site's name.</summary>
/// <param name="AbsoluteBase">The site's public base (Web:PublicUrl, or the request's own), for og:url and feeds; null in a static copy without one.</param>
/// <param name="HasFeeds">False in a static copy without a public address: feeds need absolute links, so none were written.</param>
public sealed record PageContext(SiteLinks Links, WebText Text, string SiteTitle, IReadOnlyList<BackupLink> Backups, Uri? AbsoluteBase, bool HasFeeds = true)
{
    public string? Absolute(string rootRelative) =>
        AbsoluteBase is null ? null : new Uri(AbsoluteBase, rootRelative.TrimStart('/')).AbsoluteUri;
}

/// <summary>A rendered page and the status it is served with.</summary>
public sealed record PageResponse(int Status, string Html);
