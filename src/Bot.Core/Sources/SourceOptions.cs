using System.ComponentModel.DataAnnotations;

namespace Bot.Core.Sources;

/// <summary>Polling of feeds and folders (section <c>Sources</c>); keys are listed in the README.</summary>
public sealed class SourceOptions
{
    public const string Section = "Sources";

    /// <summary>How often a source is polled when added without --every ("30m", "2h", "1d").</summary>
    [Required]
    [RegularExpression(@"^\s*\d+\s*[smhd]?\s*$", ErrorMessage = "Sources:DefaultEvery is a number with s, m, h or d, like 30m.")]
    public string DefaultEvery { get; set; } = "30m";

    /// <summary>The shortest --every accepted, so a mistyped "1s" cannot hammer a publisher's site.</summary>
    [Range(10, 86_400)]
    public int MinEverySeconds { get; set; } = 60;

    /// <summary>Failures in a row after which a source is paused and the admins are told.</summary>
    [Range(1, 10_000)]
    public int DisableAfterFailures { get; set; } = 20;

    /// <summary>A feed with more items than this is refused (a runaway or hostile feed).</summary>
    [Range(1, 1_000_000)]
    public int MaxItems { get; set; } = 2000;

    /// <summary>How often the Quartz job looks for sources that are due.</summary>
    [Range(1, 3600)]
    public int CheckSeconds { get; set; } = 30;

    /// <summary>Sources polled at once.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>The longest wait after failures (the backoff doubles from the source's own interval up to this).</summary>
    [Range(60, 30 * 86_400)]
    public int MaxBackoffSeconds { get; set; } = 86_400;
}
