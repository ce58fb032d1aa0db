using Bot.Core.Chat;
using Bot.Core.Localization;

namespace Bot.Core.Commands;

public enum CommandOptionType
{
    Text,
    Number,
    Channel,
    Attachment,
}

/// <summary>What an adapter may suggest while the user types an option (Discord autocomplete).</summary>
public enum OptionSuggestions
{
    None,

    /// <summary>The last word completed to a tag of the archive.</summary>
    Tags,

    /// <summary>The typed query itself, then its last word turned into a tag: filter.</summary>
    SearchQuery,
}

/// <summary>Who sees a command's answer.</summary>
public enum AnswerVisibility
{
    /// <summary>Only the asker (Discord ephemeral): help, search, reading, admin work.</summary>
    Personal,

    /// <summary>Everyone in the chat: the command changes what the whole chat receives.</summary>
    Public,
}

/// <summary>A named option of a command: a Discord slash-command option; positional text elsewhere.</summary>
/// <param name="Name">One of <see cref="OptionNames"/>.</param>
public sealed record CommandOption(
    string Name,
    CommandOptionType Type,
    bool Required,
    string DescriptionEn,
    string DescriptionZh,
    OptionSuggestions Suggestions = OptionSuggestions.None)
{
    public string Description(Language language) => language == Language.Chinese ? DescriptionZh : DescriptionEn;
}

/// <summary>
/// Everything about a command besides what it does: its name, texts, options and rules. Each handler
/// carries one; the catalogue, /help, Telegram's menu and Discord's registration are built from them,
/// and <see cref="ChatBot"/> enforces the rules so handlers and adapters never repeat them.
/// </summary>
/// <param name="Name">Lower-case ASCII, as typed after '/'.</param>
/// <param name="AdminOnly">Needs a bot admin from Bot:Admins; refused by the pipeline otherwise.</param>
/// <param name="ManagesChat">
/// Changes what a chat receives: the pipeline resolves the target chat (this one, or another one named by
/// the channel option or a leading "@channel"), checks that the user may manage it, and hands the handler
/// <see cref="CommandContext.Target"/>.
/// </param>
/// <param name="Answer">Who sees the answer on platforms that can tell (Discord).</param>
/// <param name="Platforms">Where the command exists; null means everywhere.</param>
/// <param name="ContinuesConversation">
/// Running it does not end what the bot is waiting for (a pending /post). Every other command does, so a
/// later stray message is not taken for an article.
/// </param>
public sealed record CommandDescriptor(
    string Name,
    string DescriptionEn,
    string DescriptionZh,
    IReadOnlyList<CommandOption> Options,
    bool AdminOnly = false,
    bool ManagesChat = false,
    AnswerVisibility Answer = AnswerVisibility.Personal,
    IReadOnlyList<Platform>? Platforms = null,
    bool ContinuesConversation = false)
{
    public bool IsOn(Platform platform) => Platforms is null || Platforms.Contains(platform);

    public string Description(Language language) => language == Language.Chinese ? DescriptionZh : DescriptionEn;

    public CommandOption? Option(string name) => Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));
}
