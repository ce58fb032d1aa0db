namespace Bot.Telegram.Rendering;

/// <summary>
/// Plain text plus properly nested entities: what Telegram sees after parsing our HTML. Lengths are
/// UTF-16 units, exactly as Telegram counts them, so splitting here never exceeds a message limit.
/// </summary>
public sealed record FormattedText(string Text, IReadOnlyList<TextEntity> Entities)
{
    public static FormattedText Empty { get; } = new(string.Empty, []);

    /// <summary>The range [start, end) with entities clipped to it; nesting is preserved because clipping keeps containment.</summary>
    public FormattedText Slice(int start, int end)
    {
        var entities = new List<TextEntity>();
        foreach (var entity in Entities)
        {
            var from = Math.Max(entity.Start, start);
            var to = Math.Min(entity.End, end);
            if (to > from)
            {
                entities.Add(entity with { Start = from - start, Length = to - from });
            }
        }

        return new FormattedText(Text[start..end], entities);
    }

    /// <summary>Appends plain (unformatted) text, e.g. a part marker.</summary>
    public FormattedText AppendPlain(string text) => new(Text + text, Entities);
}
