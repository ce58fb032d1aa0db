namespace Bot.Core.Articles;

/// <summary>An image in the archive: the row of the <c>media</c> table.</summary>
public sealed record StoredImage(string Sha256, long Bytes, string ContentType, int Width, int Height, DateTimeOffset CreatedAt)
{
    public ImageInfo Info => new(ContentType, Width, Height);

    /// <summary>A name for uploads: the hash's first 16 digits and the format's extension.</summary>
    public string FileName => $"{Sha256[..16]}.{Info.Extension}";
}
