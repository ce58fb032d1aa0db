using Bot.Core.Chat;

namespace Bot.Core.Commands;

/// <summary>Which chat a subscription command is about, and whether the user may change it.</summary>
public static class ChatTargeting
{
    public sealed record Target(ChatRef? Chat, string RemainingArguments, string? Refusal, bool IsOtherChat);

    /// <summary>
    /// Another chat when the command names one (Discord "channel" option, Telegram "@channel" or a
    /// "-100…" id as first word), checked by the platform; otherwise the current chat, where groups
    /// and channels need a chat admin.
    /// </summary>
    public static async Task<Target> ResolveAsync(CommandContext context, CancellationToken ct)
    {
        var arguments = context.Option("tags") ?? context.Arguments;
        var reference = context.Option("channel");
        if (reference is null && context.Message.Options is null)
        {
            var first = arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (first.Length > 0 && LooksLikeChat(first[0]))
            {
                reference = first[0];
                arguments = first.Length > 1 ? first[1] : string.Empty;
            }
        }

        if (reference is not null && reference != context.Message.Chat.ChatId)
        {
            var resolution = await context.Message.Access.ResolveManagedChatAsync(reference, ct);
            return resolution switch
            {
                ChatResolution.Resolved resolved => new Target(resolved.Chat, arguments, null, true),
                ChatResolution.Refused refused => new Target(null, arguments, context.Text.Refusal(refused.Reason), true),
                _ => new Target(null, arguments, context.Text.Refusal(ChatRefusal.NotSupported), true),
            };
        }

        var chat = context.Message.Chat;
        if (chat.Kind != ChatKind.Private && !await context.Message.Access.CanManageChatAsync(ct))
        {
            return new Target(null, arguments, context.Text.NotChatAdmin, false);
        }

        return new Target(chat, arguments, null, false);
    }

    private static bool LooksLikeChat(string word) =>
        (word.StartsWith('@') && word.Length > 1)
        || (word.StartsWith("-100", StringComparison.Ordinal) && word.Skip(1).All(char.IsAsciiDigit))
        || (word.StartsWith("<#", StringComparison.Ordinal) && word.EndsWith('>'));
}
