namespace Bot.Core.Parsing;

/// <summary>One front-matter value: a scalar as written, or the scalars of a list (nested lists flattened).</summary>
internal sealed record FrontMatterValue(string? Scalar, IReadOnlyList<string>? Items)
{
    /// <summary>The value as one line of text, for Extra and for keys that expect a scalar.</summary>
    public string AsText() => Scalar ?? string.Join(", ", Items ?? []);
}
