namespace Bot.Core.Subscriptions;

/// <summary>One value of a subscription's filter as stored: kind is tag, author or keyword.</summary>
internal sealed record FilterRow(string Kind, string Value, string Key);
