using System.Security.Cryptography;
using System.Text;

namespace Bot.Web.Pages;

/// <summary>
/// The archive's one stylesheet, served from the site itself (no CDN, no web fonts): mobile-first,
/// light and dark from the reader's system setting, long words and code wrapped so no page scrolls sideways.
/// </summary>
public static class SiteStyle
{
    public const string Css = """
        :root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --line: #d1d9e0; --accent: #0a5fb4; --mark: #fff1a8; --code: #f3f4f6; }
        @media (prefers-color-scheme: dark) {
          :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --line: #30363d; --accent: #58a6ff; --mark: #6b5900; --code: #161b22; }
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; background: var(--bg); color: var(--fg); font: 1.0625rem/1.75 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; overflow-wrap: anywhere; }
        a { color: var(--accent); }
        header.site, main, footer.site { width: 100%; max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
        header.site { padding-top: .75rem; padding-bottom: .5rem; border-bottom: 1px solid var(--line); }
        header.site .brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--fg); }
        header.site nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .25rem 0; }
        form.search { display: flex; gap: .5rem; margin: .5rem 0; }
        form.search input { flex: 1 1 auto; min-width: 0; font: inherit; padding: .35rem .5rem; border: 1px solid var(--line); border-radius: .375rem; background: var(--bg); color: var(--fg); }
        form.search button { font: inherit; padding: .35rem .8rem; border: 1px solid var(--line); border-radius: .375rem; background: var(--code); color: var(--fg); }
        main { padding-top: 1rem; padding-bottom: 2rem; }
        h1 { font-size: 1.6rem; line-height: 1.3; margin: .5rem 0 .75rem; }
        h2 { font-size: 1.25rem; line-height: 1.35; }
        ol.entries { list-style: none; padding: 0; margin: 0; }
        ol.entries > li { padding: .75rem 0; border-bottom: 1px solid var(--line); }
        ol.entries h2 { margin: 0 0 .25rem; }
        ol.entries h2 a { text-decoration: none; }
        .meta { color: var(--muted); font-size: .9rem; }
        .meta a { color: inherit; }
        .lead { margin: .25rem 0 0; }
        ul.tags { list-style: none; padding: 0; margin: .25rem 0; display: flex; flex-wrap: wrap; gap: .25rem .75rem; font-size: .9rem; }
        .body img, .body video { max-width: 100%; height: auto; }
        .body pre { overflow-x: auto; padding: .75rem; background: var(--code); border-radius: .375rem; }
        .body code { background: var(--code); padding: 0 .2em; border-radius: .25rem; }
        .body pre code { padding: 0; }
        .body table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; }
        .body td, .body th { border: 1px solid var(--line); padding: .25rem .5rem; }
        .body blockquote { margin: 1rem 0; padding: 0 1rem; border-left: .25rem solid var(--line); color: var(--muted); }
        mark { background: var(--mark); color: inherit; }
        nav.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 1.25rem 0; }
        footer.site { padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }
        footer.site ul { padding-left: 1.25rem; margin: .25rem 0 .75rem; }
        .notice { padding: .5rem .75rem; border: 1px solid var(--line); border-radius: .375rem; }
        @media (min-width: 48rem) { h1 { font-size: 2rem; } }
        """;

    /// <summary>Changes with the stylesheet, so the live site can cache it for a year.</summary>
    public static string Version { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Css)).AsSpan(0, 6));

    public const string Icon = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0a5fb4"/><path d="M4 4h8v1.5H4zM4 7.25h8v1.5H4zM4 10.5h5v1.5H4z" fill="#fff"/></svg>""";
}
