namespace Bot.Core.Digests;

/// <summary>The key of section <c>Web</c> that digests read: with a public URL, each entry links to its web page.</summary>
public sealed class DigestLinkOptions
{
    public const string Section = "Web";

    /// <summary>e.g. https://example.org; entries link to <c>{PublicUrl}/articles/{id}</c>.</summary>
    public string? PublicUrl { get; set; }
}
