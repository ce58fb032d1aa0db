using System.Globalization;

namespace Bot.Core.Articles;

public enum ParseProblemKind
{
    TooLarge,
    Utf16,
    Binary,
    NotUtf8,
    Empty,
    TooConvoluted,
    Unreadable,
    FrontMatterNotClosed,
    InvalidYaml,
    FrontMatterNotKeyValue,
    FrontMatterTooDeep,
}

/// <summary>
/// Why a file was refused, as data: the command line and logs print <see cref="English"/>, a chat reply
/// says it in the reader's language (UiText.FileProblem).
/// </summary>
/// <param name="At">The 1-based line (front matter), the byte offset (encoding) or the size in bytes (too large).</param>
/// <param name="Detail">The YAML or Markdown library's own words, kept as given.</param>
/// <param name="Limit">The limit that was passed: bytes (too large) or nesting depth.</param>
public sealed record ParseProblem(ParseProblemKind Kind, long? At = null, string? Detail = null, long? Limit = null)
{
    public string English => Kind switch
    {
        ParseProblemKind.TooLarge => $"file is {Megabytes(At)}, over the {Megabytes(Limit)} limit (Import:MaxFileBytes)",
        ParseProblemKind.Utf16 => "UTF-16 text is not supported: save the file as UTF-8",
        ParseProblemKind.Binary => $"binary file: NUL byte at offset {At}",
        ParseProblemKind.NotUtf8 => $"not valid UTF-8 (bad bytes near offset {At}); convert the file to UTF-8",
        ParseProblemKind.Empty => "empty file",
        ParseProblemKind.TooConvoluted => "the text is too convoluted to parse in time",
        ParseProblemKind.Unreadable => $"could not parse the file: {Detail}",
        ParseProblemKind.FrontMatterNotClosed => "front matter opened by '---' on line 1 is never closed (no second '---' line)",
        ParseProblemKind.InvalidYaml => $"invalid YAML in front matter at line {At}: {Detail ?? "check the brackets and quotes from there on"}",
        ParseProblemKind.FrontMatterNotKeyValue => $"front matter is not a list of 'key: value' lines (line {At})",
        ParseProblemKind.FrontMatterTooDeep => $"front matter nests lists or maps more than {Limit} deep (line {At})",
        _ => Kind.ToString(),
    };

    public static string Megabytes(long? bytes) => string.Create(CultureInfo.InvariantCulture, $"{(bytes ?? 0) / 1024.0 / 1024.0:0.#} MB");
}
