using Bot.Core.Commands;

namespace Bot.Core.Localization;

internal sealed class EnglishText : UiText
{
    public override Language Language => Language.English;

    public override string Welcome => "Hello! This bot keeps an archive of articles that cannot be lost and sends new ones to its subscribers.\n\n/subscribe to get new articles here, /latest for the newest, /search to look something up, /help for everything else.";

    public override string HelpHeader => "**What I can do**";

    public override string BackupLinksHeader => "**If this channel is lost, find us here:**";

    public override string WebArchiveLabel => "Web archive";

    public override string HelpAdminHeader => "**For admins**";

    public override string HelpSearchSyntax => "Search: several words must all match; \"a phrase\"; -word excludes; tag:name, author:name, since:2024-01-01, until:2024-12-31.";

    public override string UnknownCommand(string name) => $"I don't know /{name}. Here is what I can do:";

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

    public override string Subscribed(string filter) => $"Subscribed: new articles ({filter}) will arrive here.";

    public override string SubscriptionUpdated(string filter) => $"Subscription updated: {filter}.";

    public override string AlreadySubscribed(string filter) => $"Already subscribed ({filter}).";

    public override string SubscribedOther(string chat, string filter) => $"Subscribed {chat}: new articles ({filter}) will be posted there.";

    public override string Unsubscribed => "Unsubscribed. No more articles will be sent here.";

    public override string UnsubscribedSome(string filter) => $"Removed. Still subscribed to: {filter}.";

    public override string NotSubscribed => "This chat is not subscribed. /subscribe to start.";

    public override string SubscriptionStatus(string filter, bool paused) =>
        paused ? $"Subscribed to {filter}, **paused** (/resume to continue)." : $"Subscribed to {filter}.";

    public override string SubscriptionDeactivated(string reason) => $"Deliveries stopped: {reason}. /subscribe again to restart.";

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

    public override string SearchUsage => "Usage: /search words. " + HelpSearchSyntax;

    public override string SearchNoResults(string query) => $"Nothing found for {query}.";

    public override string SearchHeader(string query, int total, int from, int to) => $"**{total}** results for {query} ({from}–{to}):";

    public override string SearchEmpty => "Type something to search for, e.g. /search 朝鲜.";

    public override string SearchNoPositiveTerm => "Add at least one word to look for (exclusions alone match everything).";

    public override string SearchBadFilter(string detail) => $"I don't understand that filter: {detail}";

    public override string PreviousButton => "◀ Previous";

    public override string NextButton => "Next ▶";

    public override string PostPrompt => "Send the article now: a .md or .txt file, or the text as a message. /cancel to stop.";

    public override string PostCancelled => "Cancelled.";

    public override string PostNothingToCancel => "Nothing to cancel.";

    public override string PostTooLarge(long maxBytes) => $"That file is too large (the limit is {maxBytes / 1024 / 1024} MB).";

    public override string PostBadType(string fileName) => $"I can only post .md, .markdown or .txt files, not {fileName}.";

    public override string PostParseFailed(string error) => $"I couldn't read that article: {error}";

    public override string Preview(long id, string title, string author, string tags, int length, int parts) =>
        $"**Preview of draft #{id}**\nTitle: {title}\nAuthor: {author}\nTags: {tags}\nLength: {length} characters, {parts} message(s).";

    public override string PublishNowButton => "Publish now";

    public override string ScheduleButton => "Schedule";

    public override string CancelButton => "Cancel";

    public override string Published(long id, int deliveries) => $"Published #{id}: sending to {deliveries} chat(s).";

    public override string AlreadyPublished(long id) => $"#{id} is already published.";

    public override string ScheduleAsk(long id, string zone) => $"When should #{id} be published? Send a time like 2026-12-01 08:00 ({zone}) or +2h.";

    public override string Scheduled(long id, string at) => $"#{id} will be published at {at}.";

    public override string ScheduleUsage => "Usage: /schedule 42 2026-12-01 08:00 (or +2h, +30m, +1d).";

    public override string BadTime(string text) => $"I don't understand the time {text}. Try 2026-12-01 08:00 or +2h.";

    public override string TimeInPast => "That time has already passed.";

    public override string Retracted(long id, int deletions) => $"Retracted #{id}. Deleting {deletions} delivered message(s) where the platform still allows it.";

    public override string RetractUsage => "Usage: /retract 42";

    public override string AlreadyRetracted(long id) => $"#{id} is already retracted.";

    public override string Stats(int articles, int subscriptions, int pending, int sent, int failed) =>
        $"**Stats**\nPublished articles: {articles}\nActive subscriptions: {subscriptions}\nDeliveries: {pending} pending, {sent} sent, {failed} failed";

    public override string ArticleStats(long id, string title, int pending, int sent, int failed) =>
        $"**#{id}** {title}\nDeliveries: {pending} pending, {sent} sent, {failed} failed";

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

    public override string AddedToChannel(string reference) => $"I can post new articles in this channel. An admin of the channel subscribes it by sending me /subscribe {reference} in a private chat.";
}
