using System.Globalization;
using Bot.Core.Chat;

namespace Bot.Core.Commands.Handlers;

/// <summary>/schedule id time (admins).</summary>
public sealed class ScheduleHandler(ScheduleReplies schedule) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "schedule", "Schedule an article (admins)", "定时发布（管理员）",
        [
            new(OptionNames.Id, CommandOptionType.Number, true, "Article number", "文章编号"),
            new(OptionNames.Time, CommandOptionType.Text, true, "When, e.g. 2026-12-01 08:00 or +2h", "时间，如 2026-12-01 08:00 或 +2h"),
        ],
        AdminOnly: true);

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        string idText;
        string time;
        if (context.Option(OptionNames.Id) is { } idOption)
        {
            idText = idOption;
            time = context.Option(OptionNames.Time) ?? string.Empty;
        }
        else
        {
            var parts = context.Arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            idText = parts.Length > 0 ? parts[0] : string.Empty;
            time = parts.Length > 1 ? parts[1] : string.Empty;
        }

        if (!long.TryParse(idText.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || time.Length == 0)
        {
            return Task.FromResult(CommandContext.Say(context.Text.ScheduleUsage));
        }

        return schedule.ScheduleAsync(id, time, context.Text, ct);
    }
}
