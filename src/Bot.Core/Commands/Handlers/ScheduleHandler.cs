using System.Globalization;

namespace Bot.Core.Commands.Handlers;

/// <summary>/schedule id time (admins).</summary>
public sealed class ScheduleHandler(ScheduleReplies schedule) : ICommandHandler
{
    public string Name => "schedule";

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        string idText;
        string time;
        if (context.Option("id") is { } idOption)
        {
            idText = idOption;
            time = context.Option("time") ?? string.Empty;
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
