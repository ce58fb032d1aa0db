using System.Globalization;
using System.Text;

namespace Bot.Testing.Telegram;

/// <summary>
/// Parses parse_mode=HTML text the way Telegram does: only its tags, properly nested and closed,
/// the entities &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones. Returns the visible text or the error
/// Telegram would give ("can't parse entities: …").
/// </summary>
public static class TelegramHtmlValidator
{
    private static readonly HashSet<string> Tags =
    [
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
        "span", "tg-spoiler", "tg-emoji", "blockquote",
    ];

    public static (string? Text, string? Error) Parse(string html)
    {
        var text = new StringBuilder(html.Length);
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var close = html.IndexOf('>', i);
                if (close < 0)
                {
                    return (null, Error($"Unclosed start tag at byte offset {ByteOffset(html, i)}"));
                }

                var inside = html[(i + 1)..close];
                if (inside.StartsWith('/'))
                {
                    var name = inside[1..].Trim().ToLowerInvariant();
                    if (open.Count == 0)
                    {
                        return (null, Error($"Unexpected end tag at byte offset {ByteOffset(html, i)}"));
                    }

                    if (open.Peek() != name)
                    {
                        return (null, Error($"Unmatched end tag at byte offset {ByteOffset(html, i)}, expected \"</{open.Peek()}>\", found \"</{name}>\""));
                    }

                    open.Pop();
                }
                else
                {
                    var name = new string(inside.TakeWhile(ch => !char.IsWhiteSpace(ch) && ch != '/').ToArray()).ToLowerInvariant();
                    if (!Tags.Contains(name))
                    {
                        return (null, Error($"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, i)}"));
                    }

                    if (name == "a" && !inside.Contains("href=", StringComparison.OrdinalIgnoreCase))
                    {
                        return (null, Error($"Tag \"a\" must have attribute \"href\" at byte offset {ByteOffset(html, i)}"));
                    }

                    if (open.Contains("code") || (open.Contains("pre") && name != "code"))
                    {
                        return (null, Error($"Entities can't be nested into code at byte offset {ByteOffset(html, i)}"));
                    }

                    if (name == "blockquote" && open.Contains("blockquote"))
                    {
                        return (null, Error($"Blockquote entities can't be nested at byte offset {ByteOffset(html, i)}"));
                    }

                    if (CountQuotes(inside) % 2 != 0)
                    {
                        return (null, Error($"Unclosed attribute value at byte offset {ByteOffset(html, i)}"));
                    }

                    open.Push(name);
                }

                i = close + 1;
            }
            else if (c == '&')
            {
                var semicolon = html.IndexOf(';', i);
                var entity = semicolon > i && semicolon - i <= 10 ? html[(i + 1)..semicolon] : null;
                var decoded = entity is null ? null : Decode(entity);
                if (decoded is null)
                {
                    // Telegram keeps an '&' that starts no entity as it is.
                    text.Append('&');
                    i++;
                }
                else
                {
                    text.Append(decoded);
                    i = semicolon + 1;
                }
            }
            else if (c == '>')
            {
                text.Append('>');
                i++;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        if (open.Count > 0)
        {
            return (null, Error($"Can't find end tag corresponding to start tag \"{open.Peek()}\""));
        }

        return (text.ToString(), null);
    }

    private static int CountQuotes(string s) => s.Count(ch => ch == '"');

    private static string? Decode(string entity)
    {
        switch (entity)
        {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "quot": return "\"";
        }

        if (entity.StartsWith("#x", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(entity[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
        {
            return FromCodePoint(hex);
        }

        if (entity.StartsWith('#') && int.TryParse(entity[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var dec))
        {
            return FromCodePoint(dec);
        }

        return null;
    }

    private static string? FromCodePoint(int value) =>
        value is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(value) : null;

    private static int ByteOffset(string html, int index) => Encoding.UTF8.GetByteCount(html.AsSpan(0, index));

    private static string Error(string detail) => "Bad Request: can't parse entities: " + detail;
}
