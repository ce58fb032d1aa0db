using Bot.Core.Chat;

namespace Bot.Core.Commands;

public enum CommandOptionType
{
    Text,
    Number,
    Channel,
    Attachment,
}

/// <summary>A named option of a command (a Discord slash-command option; positional text elsewhere).</summary>
public sealed record CommandOption(string Name, CommandOptionType Type, bool Required, string DescriptionEn, string DescriptionZh, bool Autocomplete = false);

/// <param name="AdminOnly">Needs a bot admin from Bot:Admins.</param>
/// <param name="ManagesChat">Changes what a chat receives: needs a chat admin in groups, Manage Channels on Discord.</param>
/// <param name="Platforms">Where the command exists; null means everywhere.</param>
public sealed record CommandInfo(
    string Name,
    string DescriptionEn,
    string DescriptionZh,
    IReadOnlyList<CommandOption> Options,
    bool AdminOnly = false,
    bool ManagesChat = false,
    IReadOnlyList<Platform>? Platforms = null)
{
    public bool IsOn(Platform platform) => Platforms is null || Platforms.Contains(platform);
}

/// <summary>
/// Every command the bot knows, once: /help, Telegram's setMyCommands and Discord's command
/// registration are all generated from this list, in English and Chinese.
/// </summary>
public static class CommandCatalog
{
    public static IReadOnlyList<CommandInfo> All { get; } =
    [
        new("start", "Welcome and how to begin", "欢迎与入门", [], Platforms: [Platform.Telegram, Platform.Console]),
        new("help", "What this bot can do", "查看帮助", []),
        new("subscribe", "Get new articles here (optionally only some tags)", "订阅新文章（可只订阅部分标签）",
            [
                new("tags", CommandOptionType.Text, false, "Tags separated by spaces", "标签，以空格分隔", Autocomplete: true),
                new("channel", CommandOptionType.Channel, false, "Another channel to subscribe", "要订阅的其他频道"),
            ],
            ManagesChat: true),
        new("unsubscribe", "Stop some tags, or everything", "取消订阅部分标签或全部",
            [
                new("tags", CommandOptionType.Text, false, "Tags to remove, or all", "要取消的标签，或 all", Autocomplete: true),
                new("channel", CommandOptionType.Channel, false, "Another channel", "其他频道"),
            ],
            ManagesChat: true),
        new("subscriptions", "What this chat receives", "查看本聊天的订阅", []),
        new("pause", "Pause deliveries to this chat", "暂停推送", [], ManagesChat: true),
        new("resume", "Resume deliveries to this chat", "恢复推送", [], ManagesChat: true),
        new("tags", "Tags in the archive", "文章标签列表", []),
        new("latest", "The newest articles", "最新文章",
            [new("count", CommandOptionType.Number, false, "How many (1-20)", "数量（1-20）")]),
        new("read", "Read an article by number", "按编号阅读文章",
            [new("id", CommandOptionType.Number, true, "Article number", "文章编号")]),
        new("search", "Search the archive", "搜索文章",
            [new("query", CommandOptionType.Text, true, "Words, \"phrases\", -exclude, tag:, author:, since:, until:", "关键词、\"短语\"、-排除、tag:、author:、since:、until:", Autocomplete: true)]),
        new("post", "Post a new article (admins)", "发布新文章（管理员）",
            [new("file", CommandOptionType.Attachment, false, "A .md or .txt file", ".md 或 .txt 文件")],
            AdminOnly: true),
        new("schedule", "Schedule an article (admins)", "定时发布（管理员）",
            [
                new("id", CommandOptionType.Number, true, "Article number", "文章编号"),
                new("time", CommandOptionType.Text, true, "When, e.g. 2026-12-01 08:00 or +2h", "时间，如 2026-12-01 08:00 或 +2h"),
            ],
            AdminOnly: true),
        new("retract", "Retract an article (admins)", "撤回文章（管理员）",
            [new("id", CommandOptionType.Number, true, "Article number", "文章编号")],
            AdminOnly: true),
        new("stats", "Delivery statistics (admins)", "推送统计（管理员）",
            [new("id", CommandOptionType.Number, false, "Article number", "文章编号")],
            AdminOnly: true),
        new("cancel", "Stop what the bot is waiting for (a post)", "取消当前操作（如发布）", [], Platforms: [Platform.Telegram, Platform.Console]),
    ];

    public static CommandInfo? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
