using System.Globalization;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Search;
using Bot.Core.Subscriptions;

namespace Bot.Core.Localization;

internal sealed partial class ChineseText : UiText
{
    public override Language Language => Language.Chinese;

    public override string Welcome => "你好！本机器人保存一份不会丢失的文章存档，并把新文章推送给订阅者。\n\n/subscribe 在这里接收新文章，/latest 查看最新文章，/search 搜索，/help 查看全部功能。";

    public override string HelpHeader => "**我能做什么**";

    public override string BackupLinksHeader => "**防失联，备用地址：**";

    public override string WebArchiveLabel => "网页存档";

    public override string HelpAdminHeader => "**管理员命令**";

    public override string HelpSearchSyntax => "搜索：多个词须同时出现；\"短语\"；-词 表示排除；tag:标签、author:作者、since:2024-01-01、until:2024-12-31。";

    public override string UnknownCommand(string name) => $"我不认识 /{E(name)}。我能做的有：";

    public override string NonCommandHint => "请发送命令，例如 /search 朝鲜 或 /latest。/help 查看全部命令。";

    public override string AdminOnly => "抱歉，只有机器人管理员可以这样做。";

    public override string NotChatAdmin => "只有本群管理员可以更改订阅。";

    public override string Refusal(ChatRefusal reason) => reason switch
    {
        ChatRefusal.NotFound => "找不到这个聊天。请检查名称或 ID，并先把我加进去。",
        ChatRefusal.UserNotAdmin => "你需要是那个聊天的管理员才能为它订阅。",
        ChatRefusal.BotNotAdmin => "请先把我设为那个聊天的管理员，然后再试。",
        ChatRefusal.BotCannotPost => "我无法在那个聊天发言：请给我发送消息的权限。",
        _ => "这里不支持为其他聊天订阅。",
    };

    public override string Subscribed(SubscriptionFilter filter) => $"订阅成功：新文章（{Filter(filter)}）将发送到这里。";

    public override string SubscriptionUpdated(SubscriptionFilter filter) => $"订阅已更新：{Filter(filter)}。";

    public override string AlreadySubscribed(SubscriptionFilter filter) => $"已经订阅过了（{Filter(filter)}）。";

    public override string SubscribedOther(string chat, SubscriptionFilter filter) => $"已为 {E(chat)} 订阅：新文章（{Filter(filter)}）将发到那里。";

    public override string Unsubscribed => "已取消订阅，不会再向这里推送文章。";

    public override string UnsubscribedSome(SubscriptionFilter filter) => $"已移除。仍订阅：{Filter(filter)}。";

    public override string NotSubscribed => "这个聊天还没有订阅。发送 /subscribe 开始。";

    public override string NotInFilter(IReadOnlyList<string> items) => $"没有移除任何内容：{List(items)} 不在本聊天的订阅条件中。";

    public override string TooManyFilterItems(int limit) => $"太多了：订阅条件最多 {limit} 个标签、{limit} 个作者和 {limit} 个关键词。";

    public override string SubscriptionStatus(SubscriptionFilter filter, bool paused) =>
        paused ? $"已订阅 {Filter(filter)}，**已暂停**（/resume 恢复）。" : $"已订阅 {Filter(filter)}。";

    public override string SubscriptionDeactivated(ChatGoneKind kind, string? platformText) => kind switch
    {
        ChatGoneKind.BlockedByUser => "推送已停止：此前你屏蔽了本机器人。重新 /subscribe 即可恢复。",
        ChatGoneKind.RemovedFromChat => "推送已停止：本机器人曾被移出此聊天。重新 /subscribe 即可恢复。",
        ChatGoneKind.NoRightToPost => "推送已停止：本机器人没有在此发消息的权限。请授予权限后重新 /subscribe。",
        ChatGoneKind.ChatDeleted => "推送已停止：平台表示此聊天已不存在。重新 /subscribe 即可恢复。",
        ChatGoneKind.TopicDeleted => "推送已停止：此话题已被删除。在新话题中 /subscribe 即可继续接收。",
        ChatGoneKind.Migrated => "推送已停止：此群已升级，新群有自己的订阅。",
        _ => $"推送已停止：平台拒绝发送（{E(platformText ?? "?")}）。重新 /subscribe 可恢复。",
    };

    public override string FilterEverything => "全部文章";

    public override string FilterTags => "标签";

    public override string FilterAuthors => "作者";

    public override string FilterKeywords => "关键词";

    public override string Paused => "已暂停。需要时发送 /resume 恢复。";

    public override string Resumed => "已恢复，新文章会继续发送到这里。";

    public override string TagsHeader => "**标签**（文章数）：";

    public override string NoTags => "还没有标签。";

    public override string LatestHeader => "**最新文章**";

    public override string NoArticles => "还没有文章。";

    public override string ReadUsage => "用法：/read 42（文章编号见 /latest 与 /search）。";

    public override string ArticleNotFound(long id) => $"没有编号为 {id} 的文章。";

    public override string ReadHint(long id) => $"/read {id}";

    public override string SearchUsage => "用法：/search 关键词。" + E(HelpSearchSyntax);

    public override string SearchNoResults(string query) => $"没有找到 {E(query)} 的结果。";

    public override string SearchHeader(string query, int total, int from, int to) => $"{E(query)} 共 **{total}** 条结果（{from}–{to}）：";

    public override string SearchProblem(SearchProblem problem) => problem.Kind switch
    {
        SearchProblemKind.Empty => "请输入要搜索的内容，例如 /search 朝鲜。",
        SearchProblemKind.NothingToMatch => "请输入要搜索的内容：字母、数字或汉字。",
        SearchProblemKind.OnlyExclusions => "请至少给出一个要查找的词（只有排除词会匹配全部文章）。",
        SearchProblemKind.QueryTooLong => $"搜索内容太长：请少于 {problem.Limit} 个字符。",
        SearchProblemKind.TermTooLong => $"有一个搜索词太长：每个词请少于 {problem.Limit} 个字符。",
        SearchProblemKind.TooManyTerms => $"搜索词太多：最多 {problem.Limit} 个。",
        SearchProblemKind.FilterNeedsValue => $"{E(problem.Filter + ":")} 后面需要写内容，例如 {E(problem.Filter + ":" + FilterExample(problem.Filter))}。",
        SearchProblemKind.FilterCannotBeExcluded => $"不支持 {E("-" + problem.Filter + ":")}，请改用 {E(problem.Filter == "since" ? "until:" : "since:")}。",
        _ => $"{E(problem.Filter + ":" + problem.Value)} 不是日期，请写成 {E(FilterExample(problem.Filter))}。",
    };

    public override string PreviousButton => "◀ 上一页";

    public override string NextButton => "下一页 ▶";

    public override string PostPrompt => "现在请发送文章：.md 或 .txt 文件，或直接发送文字。/cancel 取消。";

    public override string PostCancelled => "已取消。";

    public override string PostNothingToCancel => "没有可取消的操作。";

    public override string PostTooLarge(long maxBytes) => $"文件太大（上限 {maxBytes / 1024 / 1024} MB）。";

    public override string PostBadType(string fileName) => $"只能发布 .md、.markdown 或 .txt 文件，不能发布 {E(fileName)}。";

    public override string PostParseFailed(ParseProblem problem) => $"无法读取这篇文章：{E(FileProblem(problem))}";

    protected override string FileProblem(ParseProblem problem) => problem.Kind switch
    {
        ParseProblemKind.TooLarge => $"文件大小 {ParseProblem.Megabytes(problem.At)}，超过了 {ParseProblem.Megabytes(problem.Limit)} 的上限（Import:MaxFileBytes）",
        ParseProblemKind.Utf16 => "不支持 UTF-16 编码的文本，请另存为 UTF-8",
        ParseProblemKind.Binary => $"这是二进制文件（第 {problem.At} 字节是 NUL）",
        ParseProblemKind.NotUtf8 => $"不是有效的 UTF-8（第 {problem.At} 字节附近有错误），请转换为 UTF-8",
        ParseProblemKind.Empty => "文件是空的",
        ParseProblemKind.TooConvoluted => "文本过于复杂，无法及时解析",
        ParseProblemKind.Unreadable => $"无法解析该文件：{problem.Detail}",
        ParseProblemKind.FrontMatterNotClosed => "第 1 行以 '---' 开始的文件头没有结束（缺少第二个 '---' 行）",
        ParseProblemKind.InvalidYaml => $"文件头第 {problem.At} 行的 YAML 有误：{problem.Detail ?? "请检查此后的括号和引号"}",
        ParseProblemKind.FrontMatterNotKeyValue => $"文件头不是“key: value”格式的行（第 {problem.At} 行）",
        ParseProblemKind.FrontMatterTooDeep => $"文件头的列表或映射嵌套超过 {problem.Limit} 层（第 {problem.At} 行）",
        _ => problem.English,
    };

    public override string Preview(long id, string title, string? author, IReadOnlyList<string> tags, int length, int parts) =>
        $"**草稿 #{id} 预览**\n标题：{E(title)}\n作者：{E(author ?? "—")}\n标签：{List(tags)}\n长度：{length} 字，共 {parts} 条消息。";

    public override string PublishNowButton => "立即发布";

    public override string ScheduleButton => "定时发布";

    public override string CancelButton => "取消";

    public override string Published(long id, int deliveries) => $"#{id} 已发布：正在推送到 {deliveries} 个聊天。";

    public override string AlreadyPublished(long id) => $"#{id} 已经发布过了。";

    public override string ScheduleAsk(long id, TimeZoneInfo zone) => $"#{id} 何时发布？请发送时间，如 2026-12-01 08:00（{zone.Id}）或 +2h。";

    public override string Scheduled(long id, DateTimeOffset at) => $"#{id} 将于 {E(at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture))} 发布。";

    public override string ScheduleUsage => "用法：/schedule 42 2026-12-01 08:00（或 +2h、+30m、+1d）。";

    public override string BadTime(string text) => $"无法理解时间 {E(text)}。请用 2026-12-01 08:00 或 +2h 这样的格式。";

    public override string TimeInPast => "这个时间已经过去了。";

    public override string Retracted(long id, int deletions) => $"#{id} 已撤回。正在删除 {deletions} 条已推送的消息（平台仍允许时）。";

    public override string RetractUsage => "用法：/retract 42";

    public override string AlreadyRetracted(long id) => $"#{id} 已经撤回过了。";

    public override string Stats(int articles, int subscriptions, int pending, int sent, int failed) =>
        $"**统计**\n已发布文章：{articles}\n有效订阅：{subscriptions}\n推送：待发 {pending}，已发 {sent}，失败 {failed}";

    public override string ArticleStats(long id, string title, int pending, int sent, int failed) =>
        $"**#{id}** {E(title)}\n推送：待发 {pending}，已发 {sent}，失败 {failed}";

    public override string ButtonExpired => "这个按钮已失效，请重新执行命令。";

    public override string Failure => "抱歉，出了点问题，请稍后再试。";

    public override string NewArticleHeader => "新文章";

    public override string Done => "完成。";

    public override string PostFormTitle => "发布新文章";

    public override string PostFormTitleField => "标题";

    public override string PostFormBodyField => "正文（Markdown）";

    public override string PostFormUnavailable => "表单未能及时打开。请再次使用 /post，或附上 .md 或 .txt 文件。";

    public override string ReadArticleLink => "阅读全文";

    public override string AddedToGroup => "你好！本群管理员在这里发送 /subscribe 即可接收新文章；/help 查看全部功能。";

    public override string AddedToChannel(string reference) => $"我可以在本频道发布新文章。频道管理员在与我的私聊中发送 /subscribe {E(reference)} 即可订阅本频道。";

    public override string PostUrlFailed(string error) => $"无法从该网页取得文章：{E(error)}";

    public override string SourcesEmpty => "还没有订阅源。用 /addsource <网址> [间隔] 添加，例如 /addsource https://example.org/feed.xml 30m";

    public override string SourcesHeader(int count) => $"*订阅源*（{count}）";

    public override string SourceLine(long id, string url, string kind, string every, string status, int articles) =>
        $"{id}. {E(url)} — {E(kind)}，每 {E(every)}，{E(status)}，{articles} 篇";

    public override string SourceLastError(string error) => $"    最近错误：{E(error)}";

    public override string AddSourceUsage => "用法：/addsource <订阅源网址> [间隔]，例如 /addsource https://example.org/feed.xml 30m";

    public override string SourceAdded(long id, string url, string kind, string every) =>
        $"已添加订阅源 {id}：{E(url)}（{E(kind)}，每 {E(every)}）。第一次抓取只把已有文章收入存档，不推送；之后的新文章会推送给订阅者。";

    public override string SourceAddFailed(string error) => $"未添加：{E(error)}";

    public override string RemoveSourceUsage => "用法：/removesource <编号>（见 /sources）";

    public override string SourceRemoved(long id) => $"已删除订阅源 {id}，其文章仍保留在存档中。";

    public override string SourceNotFound(long id) => $"没有编号为 {id} 的订阅源。/sources 可查看列表。";

    public override string SourcePausedNotice(long id, string url, int failures, string error) =>
        $"订阅源 {id}（{E(url)}）连续失败 {failures} 次，已暂停。最近错误：{E(error)}\n恢复正常后用 `bot sources resume {id}` 重新启用。";

    public override string SourceDraftNotice(long id, string url) => $"订阅源 {id}（{E(url)}）有一篇新文章，已存为草稿，等你发布、定时或取消：";
}
