using System.Globalization;
using Bot.Core.Articles;
using Bot.Core.Chat;

namespace Bot.Core.Commands.Handlers;

/// <summary>/read id: the whole article. Drafts and scheduled articles are visible to admins only; retracted ones to nobody.</summary>
public sealed class ReadHandler(IArticleStore articles) : ICommandHandler
{
    public CommandDescriptor Descriptor { get; } = new(
        "read", "Read an article by number", "按编号阅读文章",
        [new(OptionNames.Id, CommandOptionType.Number, true, "Article number", "文章编号")]);

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var argument = context.ArgumentOr(OptionNames.Id).TrimStart('#');
        return long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? ReadAsync(context, id, ct)
            : Task.FromResult(CommandContext.Say(context.Text.ReadUsage));
    }

    public async Task<IReadOnlyList<Reply>> ReadAsync(CommandContext context, long id, CancellationToken ct)
    {
        var article = await articles.GetAsync(id, ct);
        var visible = article is not null
            && (article.State == ArticleState.Published || (context.IsAdmin && article.State is ArticleState.Draft or ArticleState.Scheduled));
        return visible ? [new Reply.ArticleView(article!)] : CommandContext.Say(context.Text.ArticleNotFound(id));
    }
}
