namespace Bot.Telegram.Rendering;

/// <summary>A Telegram HTML tag and the attribute it carries (href for links, the language for code in pre).</summary>
public sealed record HtmlTag(string Name, string? Attribute = null)
{
    public static HtmlTag Bold { get; } = new("b");

    public static HtmlTag Italic { get; } = new("i");

    public static HtmlTag Underline { get; } = new("u");

    public static HtmlTag Strike { get; } = new("s");

    public static HtmlTag Code { get; } = new("code");

    public static HtmlTag Pre { get; } = new("pre");

    public static HtmlTag Blockquote { get; } = new("blockquote");

    public static HtmlTag Link(string href) => new("a", href);

    public static HtmlTag CodeLanguage(string language) => new("code", language);

    public bool IsLink => Name == "a";
}
