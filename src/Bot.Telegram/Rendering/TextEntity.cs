namespace Bot.Telegram.Rendering;

/// <summary>
/// A formatted range of the plain text, like Telegram's own message entities. <paramref name="Depth"/>
/// orders entities with the same range so outer tags open first.
/// </summary>
public sealed record TextEntity(int Start, int Length, HtmlTag Tag, int Depth)
{
    public int End => Start + Length;
}
