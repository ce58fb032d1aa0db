using System.Text;

namespace Bot.Core.Subscriptions;

/// <summary>
/// Folds filter values and article text the same way on both sides of a match: NFKC (full-width
/// letters match half-width ones) and invariant lower case. Lone surrogates become U+FFFD first,
/// because Normalize throws on them.
/// </summary>
public static class FilterKey
{
    public static string Fold(string value) => Sanitize(value).Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    public static string Sanitize(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogate(value[i]) && !(char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
            {
                return Replace(value);
            }

            if (char.IsHighSurrogate(value[i]))
            {
                i++;
            }
        }

        return value;
    }

    private static string Replace(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }
}
