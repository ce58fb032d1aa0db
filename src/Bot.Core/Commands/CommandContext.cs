using Bot.Core.Chat;
using Bot.Core.Localization;

namespace Bot.Core.Commands;

/// <summary>The chat a <see cref="CommandDescriptor.ManagesChat"/> command acts on, already checked by the pipeline.</summary>
/// <param name="IsOtherChat">Named by the user (a channel), not the chat the command was sent in.</param>
public sealed record ChatTarget(ChatRef Chat, bool IsOtherChat);

/// <summary>
/// What a handler gets: the message, its arguments, the user's language, whether the user is a bot admin,
/// the catalogue of commands, and for a command that manages a chat, the chat it targets.
/// </summary>
/// <param name="Arguments">The text after the command; for a command that manages a chat, without the chat reference.</param>
public sealed record CommandContext(IncomingMessage Message, string Arguments, UiText Text, bool IsAdmin)
{
    private readonly ChatTarget? _target;

    public required CommandCatalog Commands { get; init; }

    /// <summary>Set by the pipeline for commands whose descriptor says <see cref="CommandDescriptor.ManagesChat"/>.</summary>
    public ChatTarget Target
    {
        get => _target ?? throw new InvalidOperationException("Only a command whose descriptor says ManagesChat has a target chat.");
        init => _target = value;
    }

    /// <summary>A named option (Discord slash command or form), else null.</summary>
    public string? Option(string name) =>
        Message.Options is { } options && options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The named option if given, else the positional text (Telegram, console).</summary>
    public string ArgumentOr(string option) => Option(option) ?? Arguments;

    public static IReadOnlyList<Reply> Say(string markdown) => [new Reply.Text(markdown)];

    /// <summary>A refusal or usage hint meant for the asker only (Discord shows it to them alone, even under a public command).</summary>
    public static IReadOnlyList<Reply> SayPrivately(string markdown) => [new Reply.Text(markdown, Ephemeral: true)];
}

public sealed record CallbackContext(CallbackRequest Callback, UiText Text, bool IsAdmin);
