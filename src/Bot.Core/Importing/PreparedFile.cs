using Bot.Core.Articles;

namespace Bot.Core.Importing;

/// <summary>A file read and parsed, waiting to be written: its article, or why it cannot be imported.</summary>
internal sealed record PreparedFile(ImportFile File, ParsedArticle? Article, string? Error);
