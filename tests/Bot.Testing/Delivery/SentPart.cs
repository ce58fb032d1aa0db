namespace Bot.Testing.Delivery;

/// <summary>One message as the fake platform received it.</summary>
public sealed record SentPart(string ChatId, string? ThreadId, long ArticleId, int PartIndex, string MessageId);

/// <summary>One deletion the fake platform was asked for.</summary>
public sealed record DeletedMessage(string ChatId, string MessageId);
