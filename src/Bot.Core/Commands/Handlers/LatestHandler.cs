using System.Globalization;
using System.Text;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Localization;

namespace Bot.Core.Commands.Handlers;

/// <summary>/latest [n]: the newest published articles (default 5, at most 20).</summary>
public sealed class LatestHandler(IArticleStore articles) : ICommandHandler
{
    private const int DefaultCount = 5;
    private const int MaxCount = 20;

    public CommandDescriptor Descriptor { get; } = new(
        "latest", "The newest articles", "最新文章",
        [new(OptionNames.Count, CommandOptionType.Number, false, "How many (1-20)", "数量（1-20）")]);

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken ct)
    {
        var count = int.TryParse(context.ArgumentOr(OptionNames.Count), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, MaxCount) : DefaultCount;
        var latest = await articles.LatestAsync(count, ct);
        if (latest.Count == 0)
        {
            return CommandContext.Say(context.Text.NoArticles);
        }

        var text = new StringBuilder(context.Text.LatestHeader).Append('\n');
        foreach (var article in latest)
        {
            text.Append(UiText.ArticleLine(article.Id, article.Title, article.Published, article.Author))
                .Append(" — ").Append(context.Text.ReadHint(article.Id)).Append('\n');
        }

        return CommandContext.Say(text.ToString().TrimEnd());
    }
}
