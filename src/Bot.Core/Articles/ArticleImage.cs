namespace Bot.Core.Articles;

/// <summary>
/// One image of an article, in its order: stored (with the archived copy's facts) or not, with the
/// reason. Renderers use the stored ones; the others stay links in the text.
/// </summary>
public sealed record ArticleImage(int Position, string Url, string Alt, StoredImage? Stored, string? Error)
{
    public bool IsStored => Stored is not null;
}
