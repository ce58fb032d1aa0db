using System.Diagnostics.CodeAnalysis;

namespace Bot.Core.Commands.Buttons;

/// <summary>"s:&lt;saved search id&gt;:&lt;offset&gt;": a previous / next page of search results.</summary>
public sealed record SearchPagePayload(long SearchId, int Offset) : IButtonPayload<SearchPagePayload>
{
    public static string Kind => "s";

    public static string Create(long searchId, int offset) => new SearchPagePayload(searchId, offset).Encode();

    public static bool TryParse(string payload, [NotNullWhen(true)] out SearchPagePayload? value)
    {
        value = ButtonPayload.TryRead(payload, Kind, 2, out var fields) && fields[1] <= int.MaxValue
            ? new SearchPagePayload(fields[0], (int)fields[1])
            : null;
        return value is not null;
    }

    public string Encode() => ButtonPayload.Join(Kind, SearchId, Offset);
}
