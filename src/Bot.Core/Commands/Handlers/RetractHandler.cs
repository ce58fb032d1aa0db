using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Publishing;

namespace Bot.Core.Commands.Handlers;

/// <summary>/retract id (admins): hide the article and delete its delivered messages where the platform allows.</summary>
public sealed class RetractHandler(IPublishingService publishing) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "retract", "Retract an article (admins)", "撤回文章（管理员）",
        [new(OptionNames.Id, CommandOptionType.Number, true, "Article number", "文章编号")],
        AdminOnly: true);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        if (!long.TryParse(context.ArgumentOr(OptionNames.Id).TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return CommandContext.Say(context.Text.RetractUsage);
        }

        var outcome = await publishing.RetractAsync(id, ct);
        return CommandContext.Say(outcome.Status switch
        {
            PublishStatus.Retracted => context.Text.Retracted(id, outcome.Deliveries),
            PublishStatus.NotFound => context.Text.ArticleNotFound(id),
            _ => context.Text.AlreadyRetracted(id),
        });
    }
}
