namespace Bot.Core.Media;

/// <summary>Which archived images a delivery sends as pictures (<c>Delivery:Images</c>); the others stay links in the text.</summary>
public enum DeliveryImageMode
{
    /// <summary>Text only, every image a link (as before images were archived).</summary>
    None,

    /// <summary>The lead image as a photo with the title and opening as its caption.</summary>
    Lead,

    /// <summary>The lead photo, then the other stored images as albums of at most 10.</summary>
    All,
}
