using System.Globalization;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Search;
using Bot.Core.Subscriptions;

namespace Bot.Core.Localization;

internal sealed partial class EnglishText : UiText
{
    public override Language Language => Language.English;

    public override string Welcome => "Hello! This bot keeps an archive of articles that cannot be lost and sends new ones to its subscribers.\n\n/subscribe to get new articles here, /latest for the newest, /search to look something up, /help for everything else.";

    public override string HelpHeader => "**What I can do**";

    public override string BackupLinksHeader => "**If this channel is lost, find us here:**";

    public override string WebArchiveLabel => "Web archive";

    public override string HelpAdminHeader => "**For admins**";

    public override string HelpSearchSyntax => "Search: several words must all match; \"a phrase\"; -word excludes; tag:name, author:name, since:2024-01-01, until:2024-12-31.";

    public override string UnknownCommand(string name) => $"I don't know /{E(name)}. Here is what I can do:";

    public override string NonCommandHint => "Send a command, e.g. /search 朝鲜 or /latest. /help lists them all.";

    public override string AdminOnly => "Sorry, only the bot's admins can do that.";

    public override string NotChatAdmin => "Only admins of this chat can change its subscriptions.";

    public override string Refusal(ChatRefusal reason) => reason switch
    {
        ChatRefusal.NotFound => "I can't find that chat. Check the name or id, and add me to it first.",
        ChatRefusal.UserNotAdmin => "You need to be an admin of that chat to subscribe it.",
        ChatRefusal.BotNotAdmin => "Make me an admin of that chat first, then try again.",
        ChatRefusal.BotCannotPost => "I can't post in that chat: give me permission to send messages there.",
        _ => "Subscribing another chat is not possible here.",
    };

    public override string Subscribed(SubscriptionFilter filter) => $"Subscribed: new articles ({Filter(filter)}) will arrive here.";

    public override string SubscriptionUpdated(SubscriptionFilter filter) => $"Subscription updated: {Filter(filter)}.";

    public override string AlreadySubscribed(SubscriptionFilter filter) => $"Already subscribed ({Filter(filter)}).";

    public override string SubscribedOther(string chat, SubscriptionFilter filter) => $"Subscribed {E(chat)}: new articles ({Filter(filter)}) will be posted there.";

    public override string Unsubscribed => "Unsubscribed. No more articles will be sent here.";

    public override string UnsubscribedSome(SubscriptionFilter filter) => $"Removed. Still subscribed to: {Filter(filter)}.";

    public override string NotSubscribed => "This chat is not subscribed. /subscribe to start.";

    public override string NotInFilter(IReadOnlyList<string> items) => $"Nothing removed: {List(items)} {(items.Count == 1 ? "is" : "are")} not in this chat's filter.";

    public override string TooManyFilterItems(int limit) => $"That is too many: a filter holds at most {limit} tags, {limit} authors and {limit} keywords.";

    public override string SubscriptionStatus(SubscriptionFilter filter, bool paused) =>
        paused ? $"Subscribed to {Filter(filter)}, **paused** (/resume to continue)." : $"Subscribed to {Filter(filter)}.";

    public override string SubscriptionDeactivated(ChatGoneKind kind, string? platformText) => kind switch
    {
        ChatGoneKind.BlockedByUser => "Deliveries stopped: you had blocked the bot. /subscribe again to restart.",
        ChatGoneKind.RemovedFromChat => "Deliveries stopped: the bot had been removed from this chat. /subscribe again to restart.",
        ChatGoneKind.NoRightToPost => "Deliveries stopped: the bot may not post here. Give it the right to post, then /subscribe again.",
        ChatGoneKind.ChatDeleted => "Deliveries stopped: the platform says this chat no longer exists. /subscribe again to restart.",
        ChatGoneKind.TopicDeleted => "Deliveries stopped: this topic was deleted. /subscribe in a new topic to keep receiving.",
        ChatGoneKind.Migrated => "Deliveries stopped: this group was upgraded and the new group has its own subscription.",
        _ => $"Deliveries stopped: the platform refused to deliver ({E(platformText ?? "?")}). /subscribe again to restart.",
    };

    public override string FilterEverything => "all articles";

    public override string FilterTags => "tags";

    public override string FilterAuthors => "authors";

    public override string FilterKeywords => "keywords";

    public override string Paused => "Paused. /resume when you want articles again.";

    public override string Resumed => "Resumed. New articles will arrive here again.";

    public override string TagsHeader => "**Tags** (articles):";

    public override string NoTags => "No tags yet.";

    public override string LatestHeader => "**Newest articles**";

    public override string NoArticles => "No articles yet.";

    public override string ReadUsage => "Usage: /read 42 (the article's number, shown by /latest and /search).";

    public override string ArticleNotFound(long id) => $"There is no article #{id}.";

    public override string ReadHint(long id) => $"/read {id}";

    public override string SearchUsage => "Usage: /search words. " + E(HelpSearchSyntax);

    public override string SearchNoResults(string query) => $"Nothing found for {E(query)}.";

    public override string SearchHeader(string query, int total, int from, int to) => $"**{total}** results for {E(query)} ({from}–{to}):";

    public override string SearchProblem(SearchProblem problem) => problem.Kind switch
    {
        SearchProblemKind.Empty => "Type something to search for, e.g. /search 朝鲜.",
        SearchProblemKind.NothingToMatch => "Type something to search for: letters, digits or Chinese characters.",
        SearchProblemKind.OnlyExclusions => "Add at least one word to look for (exclusions alone match everything).",
        SearchProblemKind.QueryTooLong => $"The query is too long: keep it under {problem.Limit} characters.",
        SearchProblemKind.TermTooLong => $"A search term is too long: keep each under {problem.Limit} characters.",
        SearchProblemKind.TooManyTerms => $"Too many search terms: use at most {problem.Limit}.",
        SearchProblemKind.FilterNeedsValue => $"{E(problem.Filter + ":")} needs a value, for example {E(problem.Filter + ":" + FilterExample(problem.Filter))}.",
        SearchProblemKind.FilterCannotBeExcluded => $"{E("-" + problem.Filter + ":")} is not supported; use {E(problem.Filter == "since" ? "until:" : "since:")} instead.",
        _ => $"{E(problem.Filter + ":" + problem.Value)} is not a date; write it as {E(FilterExample(problem.Filter))}.",
    };

    public override string PreviousButton => "◀ Previous";

    public override string NextButton => "Next ▶";

    public override string PostPrompt => "Send the article now: a .md or .txt file, or the text as a message. /cancel to stop.";

    public override string PostCancelled => "Cancelled.";

    public override string PostNothingToCancel => "Nothing to cancel.";

    public override string PostTooLarge(long maxBytes) => $"That file is too large (the limit is {maxBytes / 1024 / 1024} MB).";

    public override string PostBadType(string fileName) => $"I can only post .md, .markdown or .txt files, not {E(fileName)}.";

    public override string PostParseFailed(ParseProblem problem) => $"I couldn't read that article: {E(FileProblem(problem))}";

    protected override string FileProblem(ParseProblem problem) => problem.English;

    public override string Preview(long id, string title, string? author, IReadOnlyList<string> tags, int length, int parts) =>
        $"**Preview of draft #{id}**\nTitle: {E(title)}\nAuthor: {E(author ?? "—")}\nTags: {List(tags)}\nLength: {length} characters, {parts} message(s).";

    public override string PublishNowButton => "Publish now";

    public override string ScheduleButton => "Schedule";

    public override string CancelButton => "Cancel";

    public override string Published(long id, int deliveries) => $"Published #{id}: sending to {deliveries} chat(s).";

    public override string AlreadyPublished(long id) => $"#{id} is already published.";

    public override string ScheduleAsk(long id, TimeZoneInfo zone) => $"When should #{id} be published? Send a time like 2026-12-01 08:00 ({zone.Id}) or +2h.";

    public override string Scheduled(long id, DateTimeOffset at) => $"#{id} will be published at {E(at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture))}.";

    public override string ScheduleUsage => "Usage: /schedule 42 2026-12-01 08:00 (or +2h, +30m, +1d).";

    public override string BadTime(string text) => $"I don't understand the time {E(text)}. Try 2026-12-01 08:00 or +2h.";

    public override string TimeInPast => "That time has already passed.";

    public override string Retracted(long id, int deletions) => $"Retracted #{id}. Deleting {deletions} delivered message(s) where the platform still allows it.";

    public override string RetractUsage => "Usage: /retract 42";

    public override string AlreadyRetracted(long id) => $"#{id} is already retracted.";

    public override string Stats(int articles, int subscriptions, int pending, int sent, int failed) =>
        $"**Stats**\nPublished articles: {articles}\nActive subscriptions: {subscriptions}\nDeliveries: {pending} pending, {sent} sent, {failed} failed";

    public override string ArticleStats(long id, string title, int pending, int sent, int failed) =>
        $"**#{id}** {E(title)}\nDeliveries: {pending} pending, {sent} sent, {failed} failed";

    public override string ButtonExpired => "This button has expired. Run the command again.";

    public override string Failure => "Sorry, something went wrong. Please try again in a moment.";

    public override string NewArticleHeader => "New article";

    public override string Done => "Done.";

    public override string PostFormTitle => "Post a new article";

    public override string PostFormTitleField => "Title";

    public override string PostFormBodyField => "Text (Markdown)";

    public override string PostFormUnavailable => "The form could not be opened in time. Run /post again, or attach a .md or .txt file to it.";

    public override string ReadArticleLink => "Read the article";

    public override string AddedToGroup => "Hello! An admin of this group can send /subscribe here to receive new articles; /help lists everything else.";

    public override string AddedToChannel(string reference) => $"I can post new articles in this channel. An admin of the channel subscribes it by sending me /subscribe {E(reference)} in a private chat.";

    public override string PostUrlFailed(string error) => $"I couldn't take the article from that page: {E(error)}";

    public override string SourcesEmpty => "No sources yet. Add a feed with /addsource <url> [every], e.g. /addsource https://example.org/feed.xml 30m";

    public override string SourcesHeader(int count) => $"*Sources* ({count})";

    public override string SourceLine(long id, string url, string kind, string every, string status, int articles) =>
        $"{id}. {E(url)} — {E(kind)}, every {E(every)}, {E(status)}, {articles} articles";

    public override string SourceLastError(string error) => $"    last error: {E(error)}";

    public override string AddSourceUsage => "Usage: /addsource <feed url> [every], e.g. /addsource https://example.org/feed.xml 30m";

    public override string SourceAdded(long id, string url, string kind, string every) =>
        $"Source {id} added: {E(url)} ({E(kind)}, every {E(every)}). Its first poll takes the existing items into the archive without sending them; new items after that reach subscribers.";

    public override string SourceAddFailed(string error) => $"Not added: {E(error)}";

    public override string RemoveSourceUsage => "Usage: /removesource <id> (see /sources)";

    public override string SourceRemoved(long id) => $"Source {id} removed. Its articles stay in the archive.";

    public override string SourceNotFound(long id) => $"There is no source {id}. /sources lists them.";

    public override string SourcePausedNotice(long id, string url, int failures, string error) =>
        $"Source {id} ({E(url)}) is paused after {failures} failures in a row. Last error: {E(error)}\nResume it with `bot sources resume {id}` once it works again.";

    public override string SourceDraftNotice(long id, string url) => $"Source {id} ({E(url)}) brought a new item. It waits as a draft for you to publish, schedule or cancel:";
}
