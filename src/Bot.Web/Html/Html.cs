using System.Text;

namespace Bot.Web.Html;

/// <summary>Escaping for text and attribute values written into pages; every value from the archive goes through it.</summary>
public static class Html
{
    /// <summary>Escapes the five characters that can end a text node or a quoted attribute. CJK text stays readable.</summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.AsSpan().IndexOfAny("&<>\"'") < 0 && !HasControl(text))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&#39;"); break;
                case '\t' or '\n' or '\r': escaped.Append(c); break;

                // Control characters are not allowed in HTML or XML text: an odd article must not break a page or feed.
                case < ' ' or '\u007f' or '\ufffe' or '\uffff': break;
                default: escaped.Append(c); break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>Drops characters XML 1.0 forbids (controls, lone surrogates), for feeds and sitemaps.</summary>
    public static string XmlSafe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && (c >= ' ' || c is '\t' or '\n' or '\r') && c is not ('\ufffe' or '\uffff'))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c is '\u007f' or '\ufffe' or '\uffff')
            {
                return true;
            }
        }

        return false;
    }
}
