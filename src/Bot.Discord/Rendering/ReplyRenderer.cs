using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Delivery;
using Bot.Core.Links;
using Bot.Core.Media;
using Bot.Discord.Models;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Rendering;

/// <summary>
/// Core's replies as Discord messages. Core's Markdown (CommonMark with backslash escapes) is already
/// what Discord renders; long texts are split and buttons go under the last part. An article shown by
/// /read carries its lead image as a delivery does, taken from the web archive's <c>/media/{sha256}</c>
/// (an interaction's answer cannot wait for an upload); without Web:PublicUrl the text's link stands in.
/// </summary>
public sealed class ReplyRenderer(ArticleRenderer articles, ArticleLinks? links = null, IOptions<DeliveryOptions>? delivery = null)
{
    private const int MaxRows = 5;
    private const int MaxButtonsPerRow = 5;
    private const int MaxLabel = 80;
    private const int MaxCustomId = 100;

    public IReadOnlyList<MessagePayload> Render(Reply reply) => reply switch
    {
        Reply.Text text => RenderText(text),
        Reply.ArticleView view => WithLeadImage(view.Article, [.. articles.Render(view.Article).Take(view.MaxParts ?? int.MaxValue)]),

        // Reached only where a modal can no longer be opened (the answer was deferred); the interaction handler opens it otherwise.
        Reply.Form form => RenderText(new Reply.Text(form.Fallback, Ephemeral: true)),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply, "unknown reply"),
    };

    private List<MessagePayload> WithLeadImage(Article article, List<MessagePayload> parts)
    {
        var lead = ArticleImagePlan.For(article, delivery?.Value.Images ?? DeliveryImageMode.Lead, maxAlbum: 1).Lead?.Stored;
        if (parts.Count == 0 || lead is null || links?.MediaFile(lead.Sha256) is not { } url)
        {
            return parts;
        }

        parts[0] = parts[0].WithHeadImage(url.AbsoluteUri);
        return parts;
    }

    private static List<MessagePayload> RenderText(Reply.Text text)
    {
        var flags = text.Ephemeral ? MessagePayload.EphemeralFlag : (int?)null;
        var pieces = TextSplitter.Split(text.Markdown.Trim().Length == 0 ? "\u200b" : text.Markdown, EmbedLimits.MessageContent);
        var components = Components(text.Buttons);
        return pieces
            .Select((piece, i) => new MessagePayload
            {
                Content = piece,
                Flags = flags,
                Components = i == pieces.Count - 1 ? components : null,
            })
            .ToList();
    }

    // Always a list (maybe empty): an empty one removes the buttons of a message a ReplaceOriginal edit replaces.
    private static List<Component> Components(IReadOnlyList<IReadOnlyList<ReplyButton>>? rows)
    {
        var first = true;
        var result = new List<Component>();
        foreach (var row in (rows ?? []).Where(r => r.Count > 0).Take(MaxRows))
        {
            var buttons = new List<Component>();
            foreach (var button in row.Take(MaxButtonsPerRow).Where(b => b.Payload.Length is > 0 and <= MaxCustomId))
            {
                buttons.Add(new Component
                {
                    Type = Component.ButtonType,
                    Style = first ? 1 : 2,
                    Label = EmbedLimits.Truncate(button.Label.Length == 0 ? "…" : button.Label, MaxLabel),
                    CustomId = button.Payload,
                });
                first = false;
            }

            if (buttons.Count > 0)
            {
                result.Add(Component.Row(buttons));
            }
        }

        return result;
    }
}
