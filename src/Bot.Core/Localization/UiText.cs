using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Configuration;
using Bot.Core.Search;
using Bot.Core.Subscriptions;

namespace Bot.Core.Localization;

/// <summary>
/// Every sentence the bot says, per language, as Core Markdown. Callers pass raw values (titles, tags,
/// file names, queries); the sentences escape them with <see cref="E"/>, so no caller escapes by hand.
/// </summary>
public abstract partial class UiText
{
    public static UiText For(string? languageTag) => Languages.FromTag(languageTag) == Language.Chinese ? Chinese : English;

    public static UiText For(Language language) => language == Language.Chinese ? Chinese : English;

    public static UiText English { get; } = new EnglishText();

    public static UiText Chinese { get; } = new ChineseText();

    public abstract Language Language { get; }

    public abstract string Welcome { get; }

    public abstract string HelpHeader { get; }

    public abstract string HelpAdminHeader { get; }

    public abstract string HelpSearchSyntax { get; }

    /// <summary>Heads the backup links in /start and /help ("if this channel is lost, find us here").</summary>
    public abstract string BackupLinksHeader { get; }

    /// <summary>Names the web archive's link in /start and /help.</summary>
    public abstract string WebArchiveLabel { get; }

    /// <summary>
    /// The web archive and the publisher's backup links as Markdown lines, or empty when neither is configured.
    /// Labels come from configuration and are escaped here; addresses go in angle brackets so any character is safe.
    /// </summary>
    public string Reachability(Uri? webArchive, IReadOnlyList<BackupLink> backups)
    {
        var text = new System.Text.StringBuilder();
        if (webArchive is not null)
        {
            text.Append(Rendering.MarkdownText.Escape(WebArchiveLabel)).Append(": [").Append(Rendering.MarkdownText.Escape(webArchive.AbsoluteUri)).Append("](<").Append(webArchive.AbsoluteUri).Append(">)\n");
        }

        if (backups.Count > 0)
        {
            text.Append(BackupLinksHeader).Append('\n');
            foreach (var backup in backups)
            {
                text.Append("• [").Append(Rendering.MarkdownText.Escape(backup.Label)).Append("](<").Append(backup.Url.AbsoluteUri).Append(">)\n");
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    public abstract string UnknownCommand(string name);

    public abstract string NonCommandHint { get; }

    public abstract string AdminOnly { get; }

    public abstract string NotChatAdmin { get; }

    public abstract string Refusal(ChatRefusal reason);

    public abstract string Subscribed(SubscriptionFilter filter);

    public abstract string SubscriptionUpdated(SubscriptionFilter filter);

    public abstract string AlreadySubscribed(SubscriptionFilter filter);

    public abstract string SubscribedOther(string chat, SubscriptionFilter filter);

    public abstract string Unsubscribed { get; }

    public abstract string UnsubscribedSome(SubscriptionFilter filter);

    public abstract string NotSubscribed { get; }

    public abstract string NotInFilter(IReadOnlyList<string> items);

    public abstract string TooManyFilterItems(int limit);

    public abstract string SubscriptionStatus(SubscriptionFilter filter, bool paused);

    /// <param name="platformText">The platform's own words, quoted only when the kind is <see cref="ChatGoneKind.Other"/>.</param>
    public abstract string SubscriptionDeactivated(ChatGoneKind kind, string? platformText);

    public abstract string FilterEverything { get; }

    public abstract string FilterTags { get; }

    public abstract string FilterAuthors { get; }

    public abstract string FilterKeywords { get; }

    public abstract string Paused { get; }

    public abstract string Resumed { get; }

    public abstract string TagsHeader { get; }

    public abstract string NoTags { get; }

    public abstract string LatestHeader { get; }

    public abstract string NoArticles { get; }

    public abstract string ReadUsage { get; }

    public abstract string ArticleNotFound(long id);

    public abstract string ReadHint(long id);

    public abstract string SearchUsage { get; }

    public abstract string SearchNoResults(string query);

    public abstract string SearchHeader(string query, int total, int from, int to);

    public abstract string SearchProblem(SearchProblem problem);

    public abstract string PreviousButton { get; }

    public abstract string NextButton { get; }

    public abstract string PostPrompt { get; }

    public abstract string PostCancelled { get; }

    public abstract string PostNothingToCancel { get; }

    public abstract string PostTooLarge(long maxBytes);

    public abstract string PostBadType(string fileName);

    public abstract string PostParseFailed(ParseProblem problem);

    /// <summary>Why a file was refused, in this language, as plain text (the sentences that show it escape it); the command line prints <see cref="ParseProblem.English"/>.</summary>
    protected abstract string FileProblem(ParseProblem problem);

    public abstract string Preview(long id, string title, string? author, IReadOnlyList<string> tags, int length, int parts);

    public abstract string PublishNowButton { get; }

    public abstract string ScheduleButton { get; }

    public abstract string CancelButton { get; }

    public abstract string Published(long id, int deliveries);

    public abstract string AlreadyPublished(long id);

    /// <remarks>The zone's id is an IANA name from validated configuration (letters, '/', '_', '-'), shown as it is.</remarks>
    public abstract string ScheduleAsk(long id, TimeZoneInfo zone);

    public abstract string Scheduled(long id, DateTimeOffset at);

    public abstract string ScheduleUsage { get; }

    public abstract string BadTime(string text);

    public abstract string TimeInPast { get; }

    public abstract string Retracted(long id, int deletions);

    public abstract string RetractUsage { get; }

    public abstract string AlreadyRetracted(long id);

    public abstract string Stats(int articles, int subscriptions, int pending, int sent, int failed);

    public abstract string ArticleStats(long id, string title, int pending, int sent, int failed);

    public abstract string ButtonExpired { get; }

    public abstract string Failure { get; }

    public abstract string NewArticleHeader { get; }

    public abstract string Done { get; }

    public abstract string PostFormTitle { get; }

    public abstract string PostFormTitleField { get; }

    public abstract string PostFormBodyField { get; }

    public abstract string PostFormUnavailable { get; }

    public abstract string ReadArticleLink { get; }

    /// <summary>Said once when the bot is added to a group: who may subscribe it.</summary>
    public abstract string AddedToGroup { get; }

    /// <summary>Said once when the bot may post in a channel; <paramref name="reference"/> is escaped by the caller.</summary>
    public abstract string AddedToChannel(string reference);

    // Sources (issue 14). Values arrive escaped.
    public abstract string PostUrlFailed(string error);

    public abstract string SourcesEmpty { get; }

    public abstract string SourcesHeader(int count);

    public abstract string SourceLine(long id, string url, string kind, string every, string status, int articles);

    public abstract string SourceLastError(string error);

    public abstract string AddSourceUsage { get; }

    public abstract string SourceAdded(long id, string url, string kind, string every);

    public abstract string SourceAddFailed(string error);

    public abstract string RemoveSourceUsage { get; }

    public abstract string SourceRemoved(long id);

    public abstract string SourceNotFound(long id);

    /// <summary>Sent to each admin once, when a source is paused after too many failures in a row.</summary>
    public abstract string SourcePausedNotice(long id, string url, int failures, string error);

    /// <summary>Heads the preview of a new item of a source added with --review.</summary>
    public abstract string SourceDraftNotice(long id, string url);
}
