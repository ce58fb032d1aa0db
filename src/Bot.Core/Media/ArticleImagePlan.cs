using Bot.Core.Articles;

namespace Bot.Core.Media;

/// <summary>
/// Which stored images of an article a delivery shows as pictures: the lead photo and the albums that
/// follow the text. Derived from the article alone, so every render of one article gives the same
/// parts and a delivery interrupted after its photo resumes at the next part.
/// </summary>
public sealed record ArticleImagePlan(ArticleImage? Lead, IReadOnlyList<IReadOnlyList<ArticleImage>> Albums)
{
    public static ArticleImagePlan Empty { get; } = new(null, []);

    /// <param name="maxAlbum">The platform's most pictures per message (Telegram's sendMediaGroup: 10).</param>
    public static ArticleImagePlan For(Article article, DeliveryImageMode mode, int maxAlbum)
    {
        if (mode == DeliveryImageMode.None || article.LeadImage is not { } lead)
        {
            return Empty;
        }

        if (mode == DeliveryImageMode.Lead)
        {
            return new ArticleImagePlan(lead, []);
        }

        var others = article.Images.Where(i => i.IsStored && i.Stored!.Sha256 != lead.Stored!.Sha256)
            .DistinctBy(i => i.Stored!.Sha256)
            .ToList();
        return new ArticleImagePlan(lead, [.. others.Chunk(maxAlbum).Select(c => (IReadOnlyList<ArticleImage>)c)]);
    }
}
