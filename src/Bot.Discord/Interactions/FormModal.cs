using Bot.Core.Chat;
using Bot.Discord.Models;

namespace Bot.Discord.Interactions;

/// <summary>Core's <see cref="Reply.Form"/> as a Discord modal; its submission comes back with the form's payload as custom_id.</summary>
public static class FormModal
{
    private const int MaxTitle = 45;
    private const int MaxLabel = 45;
    private const int ShortStyle = 1;
    private const int ParagraphStyle = 2;

    public static InteractionResponse Create(Reply.Form form) => new(
        InteractionCallbackType.Modal,
        new ModalData(
            form.Payload,
            Cut(form.Title, MaxTitle),
            [.. form.Fields.Select(field => Component.Row([new Component
            {
                Type = Component.TextInputType,
                CustomId = field.Name,
                Style = field.Multiline ? ParagraphStyle : ShortStyle,
                Label = Cut(field.Label, MaxLabel),
                Required = field.Required,
                MinLength = field.MinLength,
                MaxLength = field.MaxLength,
            }]))]));

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
