using System.ComponentModel.DataAnnotations;

namespace Bot.Core.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>
    /// A query with more hits than this is ranked (bm25) among its newest hits only, so a term found in most
    /// articles still answers in milliseconds; the total stays exact. 0 ranks every hit.
    /// </summary>
    [Range(0, 1_000_000)]
    public int RankWindow { get; set; } = 1_000;
}
