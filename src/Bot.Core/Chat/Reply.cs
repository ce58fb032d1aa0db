using Bot.Core.Articles;

namespace Bot.Core.Chat;

/// <summary>A button under a reply. <paramref name="Payload"/> is at most 64 bytes of UTF-8 (Telegram's callback_data limit), built by a payload type in Callbacks/.</summary>
public sealed record ReplyButton(string Label, string Payload);

/// <summary>A text field of a <see cref="Reply.Form"/>; <paramref name="Name"/> is one of <c>Commands.OptionNames</c> and comes back as an option of that name.</summary>
public sealed record FormField(string Name, string Label, bool Multiline, int MaxLength, int MinLength = 1, bool Required = true);

/// <summary>What Core answers; each adapter renders it with its own escaping (Telegram HTML, Discord Markdown, console text).</summary>
public abstract record Reply
{
    private Reply()
    {
    }

    /// <param name="Markdown">CommonMark written by Core; any user or article text in it was escaped by UiText, which builds every sentence.</param>
    /// <param name="Buttons">Rows of buttons (Telegram inline keyboard, Discord components, console: listed with their payloads).</param>
    /// <param name="Ephemeral">Only the asking user should see it (Discord ephemeral); others ignore it.</param>
    /// <param name="ReplaceOriginal">For a button press: edit the message that carried the button instead of sending a new one.</param>
    public sealed record Text(
        string Markdown,
        IReadOnlyList<IReadOnlyList<ReplyButton>>? Buttons = null,
        bool Ephemeral = false,
        bool ReplaceOriginal = false) : Reply;

    /// <summary>An article, rendered by the adapter exactly as a delivery would be.</summary>
    /// <param name="MaxParts">Render only the first parts (1 for an admin's preview); null for all of them.</param>
    public sealed record ArticleView(Article Article, int? MaxParts = null) : Reply;

    /// <summary>
    /// Asks the user to fill in a form (a Discord modal). Core answers this only to a message whose
    /// <see cref="IncomingMessage.CanOpenForm"/> is set. The submission comes back as the command named by
    /// <paramref name="Payload"/> (see <c>Commands.FormPayload</c>) with the fields as options.
    /// </summary>
    /// <param name="Fallback">What to say instead where the form cannot be opened any more (an answer that came too late for a modal).</param>
    public sealed record Form(string Payload, string Title, IReadOnlyList<FormField> Fields, string Fallback) : Reply;
}
