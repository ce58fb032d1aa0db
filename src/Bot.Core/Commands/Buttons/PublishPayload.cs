using System.Diagnostics.CodeAnalysis;

namespace Bot.Core.Commands.Buttons;

/// <summary>"pub:&lt;article id&gt;": the preview's Publish now button.</summary>
public sealed record PublishPayload(long ArticleId) : IButtonPayload<PublishPayload>
{
    public static string Kind => "pub";

    public static string Create(long articleId) => new PublishPayload(articleId).Encode();

    public static bool TryParse(string payload, [NotNullWhen(true)] out PublishPayload? value)
    {
        value = ButtonPayload.TryRead(payload, Kind, 1, out var fields) ? new PublishPayload(fields[0]) : null;
        return value is not null;
    }

    public string Encode() => ButtonPayload.Join(Kind, ArticleId);
}
