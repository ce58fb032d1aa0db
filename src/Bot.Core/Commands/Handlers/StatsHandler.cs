using System.Globalization;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Publishing;

namespace Bot.Core.Commands.Handlers;

/// <summary>/stats [id] (admins): delivery counts overall or for one article.</summary>
public sealed class StatsHandler(IPublishingService publishing, IArticleStore articles) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "stats", "Delivery statistics (admins)", "推送统计（管理员）",
        [new(OptionNames.Id, CommandOptionType.Number, false, "Article number", "文章编号")],
        AdminOnly: true);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        if (long.TryParse(context.ArgumentOr(OptionNames.Id).TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var article = await articles.GetAsync(id, ct);
            if (article is null)
            {
                return CommandContext.Say(context.Text.ArticleNotFound(id));
            }

            var one = await publishing.StatsAsync(id, ct);
            return CommandContext.Say(context.Text.ArticleStats(id, article.Title, one.Pending, one.Sent, one.Failed));
        }

        var all = await publishing.StatsAsync(null, ct);
        var subscriptions = await publishing.SubscriptionStatsAsync(ct);
        var published = (await articles.CountByStateAsync(ct))[ArticleState.Published];
        return CommandContext.Say(context.Text.Stats(published, subscriptions.Count(s => s.Active), all.Pending, all.Sent, all.Failed));
    }
}
