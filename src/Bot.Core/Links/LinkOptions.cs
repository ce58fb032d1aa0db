namespace Bot.Core.Links;

/// <summary>The web archive's public address (section "Web", key PublicUrl), which chat messages link to.</summary>
public sealed class PublicUrlOptions
{
    public const string Section = "Web";

    /// <summary>The address readers reach the web archive at, e.g. "https://archive.example.org/blog"; empty: no links.</summary>
    public string PublicUrl { get; set; } = string.Empty;
}
