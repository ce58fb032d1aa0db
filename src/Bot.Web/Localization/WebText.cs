using System.Globalization;
using Bot.Core.Localization;
using Bot.Core.Search;

namespace Bot.Web.Localization;

/// <summary>Every word the web archive shows, per language. Values are plain text: the page writer escapes them.</summary>
public abstract class WebText
{
    public static WebText English { get; } = new EnglishWebText();

    public static WebText Chinese { get; } = new ChineseWebText();

    public static WebText For(Language language) => language == Language.Chinese ? Chinese : English;

    public abstract Language Language { get; }

    public string Code => AcceptLanguage.Code(Language);

    public abstract string Newest { get; }

    public abstract string Tags { get; }

    public abstract string Archive { get; }

    public abstract string Search { get; }

    public abstract string SearchPlaceholder { get; }

    public abstract string SearchSyntax { get; }

    public abstract string Previous { get; }

    public abstract string Next { get; }

    public abstract string NoArticles { get; }

    public abstract string Source { get; }

    public abstract string BackupLinks { get; }

    public abstract string Feeds { get; }

    public abstract string NotFoundTitle { get; }

    public abstract string NotFound { get; }

    public abstract string BadRequestTitle { get; }

    public abstract string StaticCopy { get; }

    public abstract string SearchOnLiveSite { get; }

    public abstract string Home { get; }

    public abstract string Image { get; }

    public abstract string PageOf(int page, int pages);

    public abstract string Tagged(string tag);

    public abstract string Month(int year, int month);

    public abstract string ArticleCount(int count);

    public abstract string Results(int total, int from, int to);

    public abstract string NoResults { get; }

    public abstract string BadPage { get; }

    public abstract string BadId { get; }

    public abstract string SearchError(SearchError error, string? detail);

    public static string Date(DateTimeOffset date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal sealed class EnglishWebText : WebText
{
    public override Language Language => Language.English;

    public override string Newest => "Newest";

    public override string Tags => "Tags";

    public override string Archive => "Archive";

    public override string Search => "Search";

    public override string SearchPlaceholder => "Words, \"a phrase\", -exclude, tag:name";

    public override string SearchSyntax => "Several words must all match; \"a phrase\"; -word excludes; tag:name, author:name, since:2024-01-01, until:2024-12-31.";

    public override string Previous => "← Newer";

    public override string Next => "Older →";

    public override string NoArticles => "No articles here yet.";

    public override string Source => "Original";

    public override string BackupLinks => "If this site is gone, find us at";

    public override string Feeds => "Feeds";

    public override string NotFoundTitle => "Not found";

    public override string NotFound => "There is no such page in the archive. It may have been removed, or the address is mistyped.";

    public override string BadRequestTitle => "Bad request";

    public override string StaticCopy => "This is a static copy of the archive.";

    public override string SearchOnLiveSite => "Search is on the live site";

    public override string Home => "Home";

    public override string Image => "image";

    public override string NoResults => "Nothing found.";

    public override string BadPage => "The page number must be a whole number from 1.";

    public override string BadId => "An article's address ends in its number, e.g. /articles/42.";

    public override string PageOf(int page, int pages) => $"Page {page} of {pages}";

    public override string Tagged(string tag) => $"Tagged “{tag}”";

    public override string Month(int year, int month) => new DateTime(year, month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public override string ArticleCount(int count) => count == 1 ? "1 article" : $"{count} articles";

    public override string Results(int total, int from, int to) => $"{total} results ({from}–{to})";

    public override string SearchError(SearchError error, string? detail) => error switch
    {
        Core.Search.SearchError.EmptyQuery => "Type something to search for.",
        Core.Search.SearchError.NoPositiveTerm => "Add at least one word to look for (exclusions alone match everything).",
        Core.Search.SearchError.TooLong => "That query is too long. " + detail,
        _ => "That filter is not understood: " + detail,
    };
}

internal sealed class ChineseWebText : WebText
{
    public override Language Language => Language.Chinese;

    public override string Newest => "最新";

    public override string Tags => "标签";

    public override string Archive => "归档";

    public override string Search => "搜索";

    public override string SearchPlaceholder => "关键词、\"短语\"、-排除、tag:标签";

    public override string SearchSyntax => "多个词须全部匹配；\"短语\"；-词 表示排除；tag:标签、author:作者、since:2024-01-01、until:2024-12-31。";

    public override string Previous => "← 较新";

    public override string Next => "较早 →";

    public override string NoArticles => "这里还没有文章。";

    public override string Source => "原文";

    public override string BackupLinks => "防失联，备用地址";

    public override string Feeds => "订阅源";

    public override string NotFoundTitle => "找不到页面";

    public override string NotFound => "存档里没有这个页面。它可能已被删除，或者地址有误。";

    public override string BadRequestTitle => "请求有误";

    public override string StaticCopy => "这是存档的静态副本。";

    public override string SearchOnLiveSite => "搜索请到在线站点";

    public override string Home => "首页";

    public override string Image => "图片";

    public override string NoResults => "没有找到结果。";

    public override string BadPage => "页码必须是从 1 开始的整数。";

    public override string BadId => "文章地址以编号结尾，例如 /articles/42。";

    public override string PageOf(int page, int pages) => $"第 {page} 页，共 {pages} 页";

    public override string Tagged(string tag) => $"标签：{tag}";

    public override string Month(int year, int month) => $"{year} 年 {month} 月";

    public override string ArticleCount(int count) => $"{count} 篇";

    public override string Results(int total, int from, int to) => $"共 {total} 条结果（{from}–{to}）";

    public override string SearchError(SearchError error, string? detail) => error switch
    {
        Core.Search.SearchError.EmptyQuery => "请输入要搜索的内容。",
        Core.Search.SearchError.NoPositiveTerm => "请至少加一个要查找的词（只有排除词会匹配全部文章）。",
        Core.Search.SearchError.TooLong => "搜索内容太长。" + detail,
        _ => "无法理解这个筛选条件：" + detail,
    };
}
