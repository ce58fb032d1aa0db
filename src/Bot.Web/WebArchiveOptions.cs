using System.ComponentModel.DataAnnotations;

namespace Bot.Web;

/// <summary>Section "Web": how the archive presents itself. Web:Urls (listening) and Web:PublicUrl (linking) are read elsewhere.</summary>
public sealed class WebArchiveOptions
{
    public const string Section = "Web";

    /// <summary>The site's name in page titles, the header and feeds.</summary>
    [Required(AllowEmptyStrings = false)]
    [MaxLength(200)]
    public string Title { get; set; } = "Archive · 文章存档";

    /// <summary>The page language when a browser's Accept-Language names neither Chinese nor English (and for the static export): zh or en.</summary>
    [RegularExpression("^(zh|en)$", ErrorMessage = "Web:DefaultLanguage must be zh or en.")]
    public string DefaultLanguage { get; set; } = "zh";

    /// <summary>Articles per list page.</summary>
    [Range(5, 100)]
    public int PageSize { get; set; } = 20;

    /// <summary>Entries in each feed.</summary>
    [Range(1, 200)]
    public int FeedSize { get; set; } = 20;
}
