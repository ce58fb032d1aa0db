using Bot.Core.Localization;
using Bot.Discord.Models;

namespace Bot.Discord.Interactions;

/// <summary>The form /post opens when no file is attached: its submission becomes "/post" with title and body.</summary>
public static class PostModal
{
    public static InteractionResponse Create(Language language) => new(
        InteractionCallbackType.Modal,
        new ModalData(InteractionMapper.PostModalId, UiText.For(language).PostFormTitle,
        [
            Component.Row([new Component { Type = Component.TextInputType, CustomId = "title", Style = 1, Label = UiText.For(language).PostFormTitleField, Required = true, MinLength = 1, MaxLength = 256 }]),
            Component.Row([new Component { Type = Component.TextInputType, CustomId = "body", Style = 2, Label = UiText.For(language).PostFormBodyField, Required = true, MinLength = 1, MaxLength = 4000 }]),
        ]));
}
