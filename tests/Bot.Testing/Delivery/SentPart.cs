namespace Bot.Testing.Delivery;

/// <summary>One message as the fake platform received it.</summary>
/// <param name="ArticleId">The article's id; a digest's is its digest id negated.</param>
/// <param name="Silent">Sent without a notification (quiet hours in silent mode).</param>
/// <param name="Title">The title of what was sent (a digest's carries its day).</param>
/// <param name="Body">The Markdown of what was sent (a digest's lists its articles).</param>
public sealed record SentPart(string ChatId, string? ThreadId, long ArticleId, int PartIndex, string MessageId, bool Silent = false, string Title = "", string Body = "");

/// <summary>One deletion the fake platform was asked for.</summary>
public sealed record DeletedMessage(string ChatId, string MessageId);
