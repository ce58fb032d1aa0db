using System.Diagnostics.CodeAnalysis;

namespace Bot.Core.Commands.Buttons;

/// <summary>"sch:&lt;article id&gt;": the preview's Schedule button.</summary>
public sealed record SchedulePayload(long ArticleId) : IButtonPayload<SchedulePayload>
{
    public static string Kind => "sch";

    public static string Create(long articleId) => new SchedulePayload(articleId).Encode();

    public static bool TryParse(string payload, [NotNullWhen(true)] out SchedulePayload? value)
    {
        value = ButtonPayload.TryRead(payload, Kind, 1, out var fields) ? new SchedulePayload(fields[0]) : null;
        return value is not null;
    }

    public string Encode() => ButtonPayload.Join(Kind, ArticleId);
}
