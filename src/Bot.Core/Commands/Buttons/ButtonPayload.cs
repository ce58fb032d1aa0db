using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Bot.Core.Commands.Buttons;

/// <summary>
/// A button's payload as a value: one small type per button kind builds its string and parses it back,
/// so the format lives in one place. Strings are "kind:field:field…", at most 64 bytes (Telegram's callback_data).
/// </summary>
public interface IButtonPayload<TSelf>
    where TSelf : IButtonPayload<TSelf>
{
    /// <summary>The first field of the string, which picks the callback handler.</summary>
    static abstract string Kind { get; }

    static abstract bool TryParse(string payload, [NotNullWhen(true)] out TSelf? value);

    string Encode();
}

/// <summary>The shared grammar of payload strings.</summary>
public static class ButtonPayload
{
    /// <summary>The kind of a payload ("pub" of "pub:7"), or null when it has none.</summary>
    public static string? KindOf(string payload)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? payload[..colon] : null;
    }

    public static string Join(string kind, params ReadOnlySpan<long> fields)
    {
        var parts = new string[fields.Length + 1];
        parts[0] = kind;
        for (var i = 0; i < fields.Length; i++)
        {
            parts[i + 1] = fields[i].ToString(CultureInfo.InvariantCulture);
        }

        return string.Join(':', parts);
    }

    /// <summary>Reads "kind:n:n…" with exactly <paramref name="count"/> non-negative numbers.</summary>
    public static bool TryRead(string payload, string kind, int count, [NotNullWhen(true)] out long[]? fields)
    {
        fields = null;
        var parts = payload.Split(':');
        if (parts.Length != count + 1 || !string.Equals(parts[0], kind, StringComparison.Ordinal))
        {
            return false;
        }

        var values = new long[count];
        for (var i = 0; i < count; i++)
        {
            if (!long.TryParse(parts[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return false;
            }
        }

        fields = values;
        return true;
    }
}
