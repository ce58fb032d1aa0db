namespace Bot.Core.Media;

/// <summary>An image an article points at: its absolute http(s) URL and the text that stands for it.</summary>
public sealed record ImageReference(string Url, string Alt);
