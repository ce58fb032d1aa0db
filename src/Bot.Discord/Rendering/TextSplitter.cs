using System.Text;

namespace Bot.Discord.Rendering;

/// <summary>
/// Splits text into messages of at most a limit (UTF-16 units, which is never less than Discord's count):
/// at paragraph ends first, then sentence ends (。！？.!? and line breaks), then spaces, and only then
/// anywhere, never inside a surrogate pair. A code block that must be split is closed and reopened
/// with the same fence and language. Pure and deterministic: delivery resumes by part index.
/// </summary>
public static class TextSplitter
{
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 32);
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var block in Blocks(text))
        {
            foreach (var piece in block.IsCode ? SplitCode(block.Text, limit) : SplitProse(block.Text, limit))
            {
                if (current.Length > 0 && current.Length + 2 + piece.Length > limit)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }

                if (current.Length > 0)
                {
                    current.Append("\n\n");
                }

                current.Append(piece);
            }
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }

    private sealed record Block(string Text, bool IsCode);

    /// <summary>Paragraphs (separated by blank lines) and whole fenced code blocks.</summary>
    private static IEnumerable<Block> Blocks(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var paragraph = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = DiscordMarkdown.FenceStart(lines[i].TrimStart());
            if (fence is not null)
            {
                if (paragraph.Count > 0)
                {
                    yield return new Block(string.Join('\n', paragraph), false);
                    paragraph.Clear();
                }

                var code = new List<string> { lines[i] };
                for (i++; i < lines.Length; i++)
                {
                    code.Add(lines[i]);
                    var trimmed = lines[i].Trim();
                    if (trimmed.Length >= fence.Length && trimmed.Trim(fence[0]).Length == 0)
                    {
                        break;
                    }
                }

                yield return new Block(string.Join('\n', code), true);
                continue;
            }

            if (lines[i].Trim().Length == 0)
            {
                if (paragraph.Count > 0)
                {
                    yield return new Block(string.Join('\n', paragraph), false);
                    paragraph.Clear();
                }

                continue;
            }

            paragraph.Add(lines[i]);
        }

        if (paragraph.Count > 0)
        {
            yield return new Block(string.Join('\n', paragraph), false);
        }
    }

    private static IEnumerable<string> SplitProse(string text, int limit)
    {
        if (text.Length <= limit)
        {
            yield return text;
            yield break;
        }

        var current = new StringBuilder();
        foreach (var sentence in Sentences(text))
        {
            foreach (var piece in sentence.Length <= limit ? [sentence] : SplitAtSpaces(sentence, limit))
            {
                if (current.Length + piece.Length > limit)
                {
                    yield return current.ToString().TrimEnd();
                    current.Clear();
                }

                current.Append(current.Length == 0 ? piece.TrimStart() : piece);
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString().TrimEnd();
        }
    }

    /// <summary>Sentences keep their closing punctuation and any closing quotes or spaces after it.</summary>
    private static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c is '。' or '！' or '？' or '\n' or '…'
                || (c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (!end)
            {
                continue;
            }

            while (i + 1 < text.Length && (text[i + 1] is '”' or '」' or '』' or '"' or '\'' or ')' or '）' || char.IsWhiteSpace(text[i + 1])))
            {
                i++;
            }

            sentences.Add(text[start..(i + 1)]);
            start = i + 1;
        }

        if (start < text.Length)
        {
            sentences.Add(text[start..]);
        }

        return sentences;
    }

    private static IEnumerable<string> SplitAtSpaces(string text, int limit)
    {
        var start = 0;
        while (text.Length - start > limit)
        {
            var cut = text.LastIndexOf(' ', start + limit - 1, limit);
            if (cut <= start)
            {
                cut = SafeCut(text, start + limit);
            }
            else
            {
                cut++;
            }

            yield return text[start..cut];
            start = cut;
        }

        yield return text[start..];
    }

    /// <summary>A cut position at or before <paramref name="at"/> that does not separate a surrogate pair.</summary>
    private static int SafeCut(string text, int at) =>
        at < text.Length && char.IsLowSurrogate(text[at]) && char.IsHighSurrogate(text[at - 1]) ? at - 1 : at;

    private static IEnumerable<string> SplitCode(string block, int limit)
    {
        if (block.Length <= limit)
        {
            yield return block;
            yield break;
        }

        var lines = block.Split('\n');
        var opening = lines[0];
        var fence = DiscordMarkdown.FenceStart(opening.TrimStart())!;
        var closed = lines.Length > 1 && lines[^1].Trim().Trim(fence[0]).Length == 0 && lines[^1].Trim().Length >= fence.Length;
        var body = lines[1..(closed ? lines.Length - 1 : lines.Length)];

        // Each piece is reopened with the original fence line (keeping the language) and closed again.
        var overhead = opening.Length + 1 + 1 + fence.Length;
        var room = limit - overhead;
        if (room < 16)
        {
            // A fence line so long that nothing fits: split the block as plain text instead.
            foreach (var piece in SplitAtSpaces(block, limit))
            {
                yield return piece;
            }

            yield break;
        }

        var current = new StringBuilder();
        foreach (var line in body)
        {
            foreach (var piece in line.Length <= room ? [line] : SplitAtSpaces(line, room))
            {
                if (current.Length > 0 && current.Length + 1 + piece.Length > room)
                {
                    yield return opening + "\n" + current + "\n" + fence;
                    current.Clear();
                }

                if (current.Length > 0)
                {
                    current.Append('\n');
                }

                current.Append(piece);
            }
        }

        yield return opening + "\n" + current + "\n" + fence;
    }
}
