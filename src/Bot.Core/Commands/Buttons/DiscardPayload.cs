using System.Diagnostics.CodeAnalysis;

namespace Bot.Core.Commands.Buttons;

/// <summary>"can:&lt;article id&gt;": the preview's Cancel button.</summary>
public sealed record DiscardPayload(long ArticleId) : IButtonPayload<DiscardPayload>
{
    public static string Kind => "can";

    public static string Create(long articleId) => new DiscardPayload(articleId).Encode();

    public static bool TryParse(string payload, [NotNullWhen(true)] out DiscardPayload? value)
    {
        value = ButtonPayload.TryRead(payload, Kind, 1, out var fields) ? new DiscardPayload(fields[0]) : null;
        return value is not null;
    }

    public string Encode() => ButtonPayload.Join(Kind, ArticleId);
}
