using Bot.Core.Articles;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bot.Core.Parsing;

/// <summary>
/// Splits YAML front matter (between two <c>---</c> lines) from the body and reads it defensively:
/// through YamlDotNet's representation model, so every scalar stays the text its author wrote
/// (dates are parsed by us, not by a YAML schema), and odd shapes never throw past this class.
/// </summary>
internal static class FrontMatterReader
{
    private const int MaxListItems = 1000;
    private const int MaxNesting = 32;

    /// <returns>The front matter, or null with <paramref name="problem"/> set when it is unclosed or not valid YAML.</returns>
    public static FrontMatter? Read(string text, out ParseProblem? problem)
    {
        problem = null;
        var firstEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstEnd < 0 ? text : text[..firstEnd];
        if (firstLine.TrimEnd() != "---")
        {
            return FrontMatter.None(text);
        }

        var lineNumber = 1;
        var position = firstEnd + 1;
        var yamlStart = position;
        while (firstEnd >= 0 && position <= text.Length)
        {
            lineNumber++;
            var end = text.IndexOf('\n', position);
            var line = end < 0 ? text[position..] : text[position..end];
            var trimmed = line.TrimEnd();
            if (trimmed is "---" or "...")
            {
                var yaml = text[yamlStart..position];
                var body = end < 0 ? string.Empty : text[(end + 1)..];
                var entries = ParseYaml(yaml, out problem);
                return entries is null ? null : new FrontMatter(entries, body);
            }

            if (end < 0)
            {
                break;
            }

            position = end + 1;
        }

        problem = new ParseProblem(ParseProblemKind.FrontMatterNotClosed);
        return null;
    }

    private static List<KeyValuePair<string, FrontMatterValue>>? ParseYaml(string yaml, out ParseProblem? problem)
    {
        problem = null;
        if (NestingTooDeep(yaml, out problem))
        {
            return null;
        }

        var stream = new YamlStream();
        var parser = new TrackingYamlParser(yaml);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            // The YAML starts on the file's second line.
            problem = new ParseProblem(ParseProblemKind.InvalidYaml, e.Start.Line + 1, Clean(e.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            problem = new ParseProblem(ParseProblemKind.InvalidYaml, parser.LastStart.Line + 1);
            return null;
        }

        var entries = new List<KeyValuePair<string, FrontMatterValue>>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return entries;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            problem = new ParseProblem(ParseProblemKind.FrontMatterNotKeyValue, stream.Documents[0].RootNode.Start.Line + 1);
            return null;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } || string.IsNullOrWhiteSpace(key))
            {
                continue;
            }

            entries.Add(new(key.Trim(), ToValue(valueNode)));
        }

        return entries;
    }

    /// <summary>
    /// YamlDotNet's event parser is iterative but its node model is built recursively: a few thousand
    /// nested lists ("[[[[…") would overflow the stack and kill the process. Walk the events first.
    /// </summary>
    private static bool NestingTooDeep(string yaml, out ParseProblem? problem)
    {
        problem = null;
        var parser = new TrackingYamlParser(yaml);
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case YamlDotNet.Core.Events.SequenceStart or YamlDotNet.Core.Events.MappingStart:
                        if (++depth > MaxNesting)
                        {
                            problem = new ParseProblem(ParseProblemKind.FrontMatterTooDeep, parser.LastStart.Line + 1, Limit: MaxNesting);
                            return true;
                        }

                        break;
                    case YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd:
                        depth--;
                        break;
                    default:
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Syntax errors are reported by the real load with a better message.
        }

        return false;
    }

    private static FrontMatterValue ToValue(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                return new FrontMatterValue(scalar.Value?.Trim() ?? string.Empty, null);
            case YamlSequenceNode sequence:
                var items = new List<string>();
                Flatten(sequence, items, depth: 0);
                return new FrontMatterValue(null, items);
            case YamlMappingNode mapping:
                // Nested maps are rare in article front matter; keep them readable in Extra.
                var pairs = mapping.Children.Take(MaxListItems).Select(p => $"{(p.Key as YamlScalarNode)?.Value}: {ToValue(p.Value).AsText()}");
                return new FrontMatterValue(string.Join("; ", pairs), null);
            default:
                return new FrontMatterValue(string.Empty, null);
        }
    }

    private static void Flatten(YamlSequenceNode sequence, List<string> items, int depth)
    {
        // Aliases can make a small file describe a huge tree: cap depth and count.
        foreach (var child in sequence.Children)
        {
            if (items.Count >= MaxListItems || depth > 8)
            {
                return;
            }

            if (child is YamlSequenceNode inner)
            {
                Flatten(inner, items, depth + 1);
            }
            else if (child is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            {
                items.Add(value.Trim());
            }
        }
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 1, Idx: 12) - (Line: …): "; the line is already in our message.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
