using Bot.Core.Chat;
using Bot.Core.Localization;

namespace Bot.Core.Commands;

/// <summary>Which chat a command that manages one is about, and whether the user may change it. Run once by the pipeline.</summary>
public static class ChatTargeting
{
    /// <param name="Target">The checked chat, or null when refused.</param>
    /// <param name="RemainingArguments">The arguments without the chat reference.</param>
    /// <param name="Refusal">Why not, in the user's language, when <paramref name="Target"/> is null.</param>
    public sealed record Resolution(ChatTarget? Target, string RemainingArguments, string? Refusal);

    /// <summary>
    /// Another chat when the command names one (Discord "channel" option, Telegram "@channel" or a
    /// "-100…" id as first word), checked by the platform; otherwise the current chat, where groups
    /// and channels need a chat admin.
    /// </summary>
    public static async Task<Resolution> ResolveAsync(IncomingMessage message, string arguments, UiText text, CancellationToken ct)
    {
        string? reference = null;
        if (message.Options is { } options)
        {
            arguments = Value(options, OptionNames.Tags) ?? arguments;
            reference = Value(options, OptionNames.Channel);
        }
        else
        {
            var first = arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (first.Length > 0 && LooksLikeChat(first[0]))
            {
                reference = first[0];
                arguments = first.Length > 1 ? first[1] : string.Empty;
            }
        }

        if (reference is not null && reference != message.Chat.ChatId)
        {
            var resolution = await message.Access.ResolveManagedChatAsync(reference, ct);
            return resolution switch
            {
                ChatResolution.Resolved resolved => new Resolution(new ChatTarget(resolved.Chat, IsOtherChat: true), arguments, null),
                ChatResolution.Refused refused => new Resolution(null, arguments, text.Refusal(refused.Reason)),
                _ => new Resolution(null, arguments, text.Refusal(ChatRefusal.NotSupported)),
            };
        }

        var chat = message.Chat;
        if (chat.Kind != ChatKind.Private && !await message.Access.CanManageChatAsync(ct))
        {
            return new Resolution(null, arguments, text.NotChatAdmin);
        }

        return new Resolution(new ChatTarget(chat, IsOtherChat: false), arguments, null);
    }

    private static string? Value(IReadOnlyDictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool LooksLikeChat(string word) =>
        (word.StartsWith('@') && word.Length > 1)
        || (word.StartsWith("-100", StringComparison.Ordinal) && word.Skip(1).All(char.IsAsciiDigit))
        || (word.StartsWith("<#", StringComparison.Ordinal) && word.EndsWith('>'));
}
