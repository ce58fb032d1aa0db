using System.ComponentModel.DataAnnotations;

namespace Bot.Core.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>
    /// A query with more hits than this is ranked (bm25) in blocks of this many hits, newest block first, so a term
    /// found in most articles still answers in milliseconds; the total stays exact. 0 ranks every hit. bm25 costs
    /// a few microseconds per hit (more for phrases, read from cold memory): 500 keeps the slowest common
    /// queries near 10 ms at 50,000 articles where 1,000 took ≈ 14 (docs/benchmarks.md).
    /// </summary>
    [Range(0, 1_000_000)]
    public int RankWindow { get; set; } = 500;
}
