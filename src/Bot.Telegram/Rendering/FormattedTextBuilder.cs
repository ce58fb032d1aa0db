using System.Text;

namespace Bot.Telegram.Rendering;

/// <summary>
/// Builds <see cref="FormattedText"/> block by block. Line breaks between blocks are held back until
/// the next text arrives, so no entity starts or ends with a separator and no text ends with one.
/// </summary>
public sealed class FormattedTextBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<TextEntity> _entities = [];
    private int _depth;
    private int _pendingBreaks;

    public int Length => _text.Length;

    public void RequestBreak(int newlines) => _pendingBreaks = Math.Max(_pendingBreaks, newlines);

    public void Append(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        FlushBreaks();
        AppendSanitized(text);
    }

    /// <summary>Starts an entity at the current position; pass the result to <see cref="Close"/>.</summary>
    public int Open()
    {
        FlushBreaks();
        _depth++;
        return _text.Length;
    }

    public void Close(int start, HtmlTag tag)
    {
        _depth--;
        if (_text.Length > start)
        {
            _entities.Add(new TextEntity(start, _text.Length - start, tag, _depth));
        }
    }

    public FormattedText Build() => new(_text.ToString(), [.. _entities]);

    private void FlushBreaks()
    {
        if (_pendingBreaks > 0 && _text.Length > 0)
        {
            // Never stack more line breaks than asked for, even if the text already ends with some.
            var trailing = 0;
            while (trailing < _text.Length && _text[_text.Length - 1 - trailing] == '\n')
            {
                trailing++;
            }

            _text.Append('\n', Math.Max(0, _pendingBreaks - trailing));
        }

        _pendingBreaks = 0;
    }

    // Lone surrogates cannot be sent as UTF-8 and Telegram rejects them; carriage returns and other
    // control characters would be counted differently by Telegram than by us.
    private void AppendSanitized(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                _text.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                _text.Append('\uFFFD');
            }
            else if (c == '\r')
            {
                continue;
            }
            else if (c == '\t')
            {
                _text.Append("    ");
            }
            else if (char.IsControl(c) && c != '\n')
            {
                continue;
            }
            else
            {
                _text.Append(c);
            }
        }
    }
}
