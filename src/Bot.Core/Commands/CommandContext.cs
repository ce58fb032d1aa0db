using Bot.Core.Localization;

namespace Bot.Core.Commands;

/// <summary>What a handler gets: the message, its arguments, the user's language, and whether the user is a bot admin.</summary>
public sealed record CommandContext(IncomingMessage Message, string Arguments, UiText Text, bool IsAdmin)
{
    /// <summary>A named option (Discord), else null.</summary>
    public string? Option(string name) =>
        Message.Options is { } options && options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The named option if given, else the positional text (Telegram, console).</summary>
    public string ArgumentOr(string option) => Option(option) ?? Arguments;

    public static IReadOnlyList<Reply> Say(string markdown) => [new Reply.Text(markdown)];
}

public sealed record CallbackContext(CallbackRequest Callback, UiText Text, bool IsAdmin);
