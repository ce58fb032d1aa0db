namespace Bot.Core.Sources;

/// <summary>What one poll of one source did (the CLI's `sources poll --json` row).</summary>
/// <param name="Status">ok, not_modified, failed, paused (failed and now paused), or skipped (not due).</param>
public sealed record SourcePollResult(long Id, string Url, int New, int Updated, int Unchanged, int Failed, string Status, string? Error);
