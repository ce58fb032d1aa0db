using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Core.Tests.Architecture;

/// <summary>One source file as the graph reads it: a path for messages and its text.</summary>
public sealed record SourceFile(string Path, string Text);

/// <summary>Why one namespace depends on another: the file and what in it makes the edge.</summary>
public sealed record NamespaceEdge(string From, string To, string File, string Reason);

/// <summary>
/// The namespace dependency graph of a set of C# files, read from the text alone (no compiler):
/// one file-scoped namespace per file, one edge per way a file can reach another namespace.
/// <list type="bullet">
/// <item>A dotted name that resolves to a namespace the way C# resolves it (from the file's own namespace
/// outwards, then from the global one): <c>using</c>, <c>using static</c>, <c>global using</c>, aliases and
/// fully or partly qualified names in code. A dotted name counts only when it ends at the namespace (a using
/// directive) or goes on into a type declared there, so a property that happens to share a namespace's last
/// name (<c>Query.Trim()</c> inside <c>Bot.Core.Search</c>) is not taken for <c>Bot.Core.Search.Query</c>.
/// A using directive that brings in nothing the file names still counts (the message says so): delete it.</item>
/// <item>A type declared in an ancestor namespace named by its simple name: C# finds it without any using,
/// so it is invisible to a using-only check, yet it is the usual way a child folder leans on its parent.</item>
/// </list>
/// Only the ancestor rule reads single identifiers, and it reads them as types: a word right after a dot
/// (<c>message.Platform</c>) is a member access, not a type, and is skipped. Only top-level types (declared at
/// the start of a line, as file-scoped namespaces put them) enter the type map, so nested types and members
/// named like a parent's type do not make edges. What the check can still over-count is a member declared
/// under the very name of an ancestor's type (a string property called like the type): that errs on the
/// safe side, and is cured by a rename or by moving the type.
/// Comments and the text of string and character literals are blanked first; the code inside interpolation
/// holes is kept, because SQL built in raw strings names constants such as <c>ArticleStates.Draft</c> there.
/// </summary>
public sealed partial class NamespaceGraph
{
    // Enough files to show how an edge is made without burying the other edges of the cycle.
    private const int MaxFilesPerEdge = 5;

    private readonly SortedDictionary<string, SortedDictionary<string, List<NamespaceEdge>>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph(SortedSet<string> namespaces, int fileCount)
    {
        Namespaces = namespaces;
        FileCount = fileCount;
    }

    /// <summary>Every namespace some file declares.</summary>
    public SortedSet<string> Namespaces { get; }

    public int FileCount { get; }

    /// <summary>The namespaces <paramref name="from"/> depends on directly.</summary>
    public IReadOnlyCollection<string> DependenciesOf(string from) =>
        _edges.TryGetValue(from, out var to) ? to.Keys : [];

    /// <summary>Every .cs file under <paramref name="projectDir"/> except build output, in a stable order.</summary>
    public static IReadOnlyList<SourceFile> ReadSources(string projectDir)
    {
        var root = Path.GetFullPath(projectDir);
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(relative => !relative.StartsWith("obj/", StringComparison.Ordinal) && !relative.StartsWith("bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(relative => new SourceFile(relative, File.ReadAllText(Path.Combine(root, relative))))
            .ToList();
    }

    public static NamespaceGraph Build(IReadOnlyList<SourceFile> files)
    {
        var parsed = new List<(SourceFile File, string Namespace, string Code)>();
        foreach (var file in files)
        {
            var code = CodeOnly(file.Text);
            var declaration = NamespaceDeclaration().Match(code);
            if (!declaration.Success)
            {
                throw new InvalidOperationException($"{file.Path} declares no file-scoped namespace; the check reads one per file.");
            }

            // The declaration itself is not a reference to anything.
            code = string.Concat(code.AsSpan(0, declaration.Index), new string(' ', declaration.Length), code.AsSpan(declaration.Index + declaration.Length));
            parsed.Add((file, declaration.Groups["ns"].Value, code));
        }

        var namespaces = new SortedSet<string>(parsed.Select(p => p.Namespace), StringComparer.Ordinal);

        // Bot, Bot.Core, ...: every prefix of a declared namespace exists for name lookup.
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ns in namespaces)
        {
            for (var prefix = ns; prefix.Length > 0; prefix = Parent(prefix))
            {
                existing.Add(prefix);
            }
        }

        var typesByNamespace = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var namespacesByType = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (_, ns, code) in parsed)
        {
            foreach (Match match in TopLevelType().Matches(code))
            {
                var name = match.Groups["name"].Value;
                if (!typesByNamespace.TryGetValue(ns, out var types))
                {
                    typesByNamespace[ns] = types = new HashSet<string>(StringComparer.Ordinal);
                }

                types.Add(name);
                if (!namespacesByType.TryGetValue(name, out var owners))
                {
                    namespacesByType[name] = owners = new SortedSet<string>(StringComparer.Ordinal);
                }

                owners.Add(ns);
            }
        }

        bool Declares(string ns, string type) => typesByNamespace.TryGetValue(ns, out var types) && types.Contains(type);

        var graph = new NamespaceGraph(namespaces, files.Count);
        foreach (var (file, ns, code) in parsed)
        {
            // The words of the file that can be type names (not member accesses), for the ancestor rule and for
            // naming what a using directive brings in.
            var typeWords = new SortedSet<string>(
                Identifier().Matches(code).Where(m => m.Index == 0 || code[m.Index - 1] != '.').Select(m => m.Value),
                StringComparer.Ordinal);

            foreach (Match match in DottedName().Matches(code))
            {
                var segments = match.Groups["name"].Value.Split('.');
                var target = Resolve(ns, segments, existing, out var used);
                if (target is null || target == ns || !namespaces.Contains(target))
                {
                    continue;
                }

                if (used == segments.Length)
                {
                    var brought = typeWords.Where(word => Declares(target, word)).ToList();
                    var what = brought.Count > 0 ? string.Join(", ", brought) : "nothing: a stale using?";
                    graph.Add(new NamespaceEdge(ns, target, file.Path, $"names {string.Join('.', segments)} ({what})"));
                }
                else if (Declares(target, segments[used]))
                {
                    graph.Add(new NamespaceEdge(ns, target, file.Path, $"names {string.Join('.', segments.Take(used + 1))}"));
                }
            }

            foreach (var word in typeWords)
            {
                if (Declares(ns, word))
                {
                    continue;
                }

                // The nearest ancestor declaring the word is the one C# binds it to.
                for (var ancestor = Parent(ns); ancestor.Length > 0; ancestor = Parent(ancestor))
                {
                    if (Declares(ancestor, word))
                    {
                        graph.Add(new NamespaceEdge(ns, ancestor, file.Path, $"uses {word} from an enclosing namespace (no using needed)"));
                        break;
                    }
                }
            }
        }

        return graph;
    }

    /// <summary>
    /// The strongly connected components with more than one namespace (Tarjan), each sorted, in a stable order.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var components = new List<IReadOnlyList<string>>();
        var next = 0;

        void Visit(string node)
        {
            index[node] = low[node] = next++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var dependency in DependenciesOf(node))
            {
                if (!index.TryGetValue(dependency, out var seen))
                {
                    Visit(dependency);
                    low[node] = Math.Min(low[node], low[dependency]);
                }
                else if (onStack.Contains(dependency))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    components.Add(component);
                }
            }
        }

        foreach (var ns in Namespaces)
        {
            if (!index.ContainsKey(ns))
            {
                Visit(ns);
            }
        }

        return components.OrderBy(c => c[0], StringComparer.Ordinal).ToList();
    }

    /// <summary>Each cycle with every edge inside it and the files that make the edge.</summary>
    public string Describe(IReadOnlyList<IReadOnlyList<string>> cycles)
    {
        var text = new StringBuilder();
        foreach (var cycle in cycles)
        {
            var members = new HashSet<string>(cycle, StringComparer.Ordinal);
            text.AppendLine().Append("Cycle: ").AppendJoin(", ", cycle).AppendLine();
            foreach (var from in cycle)
            {
                foreach (var (to, edges) in _edges[from].Where(e => members.Contains(e.Key)))
                {
                    text.Append("  ").Append(from).Append(" -> ").Append(to).AppendLine();
                    var byFile = edges.GroupBy(e => e.File, StringComparer.Ordinal).ToList();
                    foreach (var file in byFile.Take(MaxFilesPerEdge))
                    {
                        text.Append("      ").Append(file.Key).Append(": ").AppendJoin("; ", file.Select(e => e.Reason)).AppendLine();
                    }

                    if (byFile.Count > MaxFilesPerEdge)
                    {
                        text.Append("      ... and ").Append(byFile.Count - MaxFilesPerEdge).Append(" more files").AppendLine();
                    }
                }
            }
        }

        return text.ToString();
    }

    private void Add(NamespaceEdge edge)
    {
        if (!_edges.TryGetValue(edge.From, out var to))
        {
            _edges[edge.From] = to = new SortedDictionary<string, List<NamespaceEdge>>(StringComparer.Ordinal);
        }

        if (!to.TryGetValue(edge.To, out var list))
        {
            to[edge.To] = list = [];
        }

        if (!list.Contains(edge))
        {
            list.Add(edge);
        }
    }

    private static string Parent(string ns)
    {
        var dot = ns.LastIndexOf('.');
        return dot < 0 ? "" : ns[..dot];
    }

    /// <summary>
    /// The namespace a dotted name starts with, looked up as C# does: its first segment in the file's namespace,
    /// then in each enclosing one, then in the global one; then as many further segments as still name a namespace.
    /// </summary>
    private static string? Resolve(string fileNamespace, string[] segments, HashSet<string> existing, out int used)
    {
        used = 0;
        for (var scope = fileNamespace; ; scope = Parent(scope))
        {
            var candidate = scope.Length == 0 ? segments[0] : scope + "." + segments[0];
            if (existing.Contains(candidate))
            {
                used = 1;
                while (used < segments.Length && existing.Contains(candidate + "." + segments[used]))
                {
                    candidate += "." + segments[used];
                    used++;
                }

                return candidate;
            }

            if (scope.Length == 0)
            {
                return null;
            }
        }
    }

    /// <summary>The text with comments and literal text blanked (line breaks kept), interpolation holes kept.</summary>
    public static string CodeOnly(string text) => new CodeStripper(text).Run();

    [GeneratedRegex(@"^\s*namespace\s+(?<ns>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    // File-scoped namespaces put top-level types at the start of a line; nested ones are indented.
    [GeneratedRegex(@"^(?:(?:public|internal|file|static|sealed|abstract|partial|readonly|ref|unsafe)\s+)*(?:record\s+(?:struct|class)|class|record|struct|interface|enum)\s+(?<name>[A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex Identifier();

    // A dotted name not itself reached through a dot (so message.Chat.Id is not read as Chat.Id).
    [GeneratedRegex(@"(?<![\w.])(?:global::)?(?<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)")]
    private static partial Regex DottedName();

    /// <summary>A small C# lexer that knows just enough to tell code from comments and literal text.</summary>
    private sealed class CodeStripper(string text)
    {
        private readonly char[] _output = text.ToCharArray();
        private int _at;

        public string Run()
        {
            Code(inHole: false);
            return new string(_output);
        }

        private char At(int offset) => _at + offset < text.Length ? text[_at + offset] : '\0';

        private void Blank(int from, int to)
        {
            for (var k = from; k < to && k < _output.Length; k++)
            {
                if (_output[k] != '\n' && _output[k] != '\r')
                {
                    _output[k] = ' ';
                }
            }
        }

        /// <summary>Code up to the end of the text, or, in an interpolation hole, up to its closing brace.</summary>
        private void Code(bool inHole)
        {
            var depth = 0;
            while (_at < text.Length)
            {
                var c = text[_at];
                if (c == '/' && At(1) == '/')
                {
                    var start = _at;
                    while (_at < text.Length && text[_at] != '\n')
                    {
                        _at++;
                    }

                    Blank(start, _at);
                }
                else if (c == '/' && At(1) == '*')
                {
                    var start = _at;
                    _at += 2;
                    while (_at < text.Length && !(text[_at] == '*' && At(1) == '/'))
                    {
                        _at++;
                    }

                    _at = Math.Min(_at + 2, text.Length);
                    Blank(start, _at);
                }
                else if (c == '\'')
                {
                    var start = _at;
                    _at++;
                    if (At(0) == '\\')
                    {
                        _at += 2;
                    }

                    while (_at < text.Length && text[_at] != '\'')
                    {
                        _at++;
                    }

                    _at++;
                    Blank(start, _at);
                }
                else if ((c is '"' or '$' or '@') && TryString())
                {
                    // TryString moved past the literal.
                }
                else
                {
                    if (inHole && c == '{')
                    {
                        depth++;
                    }
                    else if (inHole && c == '}')
                    {
                        if (depth == 0)
                        {
                            return;
                        }

                        depth--;
                    }

                    _at++;
                }
            }
        }

        private bool TryString()
        {
            var start = _at;
            var p = _at;
            var dollars = 0;
            var verbatim = false;
            while (p < text.Length && (text[p] == '$' || text[p] == '@'))
            {
                if (text[p] == '$')
                {
                    dollars++;
                }
                else
                {
                    verbatim = true;
                }

                p++;
            }

            if (p >= text.Length || text[p] != '"')
            {
                return false;
            }

            var quotes = 0;
            while (p + quotes < text.Length && text[p + quotes] == '"')
            {
                quotes++;
            }

            if (quotes >= 3)
            {
                _at = p + quotes;
                RawBody(start, quotes, dollars);
            }
            else
            {
                _at = p + 1;
                RegularBody(start, verbatim, dollars > 0);
            }

            return true;
        }

        private void RegularBody(int literalStart, bool verbatim, bool interpolated)
        {
            var start = literalStart;
            while (_at < text.Length)
            {
                var c = text[_at];
                if (!verbatim && c == '\\')
                {
                    _at += 2;
                }
                else if (c == '"' && verbatim && At(1) == '"')
                {
                    _at += 2;
                }
                else if (c == '"')
                {
                    _at++;
                    Blank(start, _at);
                    return;
                }
                else if (interpolated && (c is '{' or '}') && At(1) == c)
                {
                    _at += 2;
                }
                else if (interpolated && c == '{')
                {
                    _at++;
                    Blank(start, _at);
                    Code(inHole: true);
                    _at++;
                    start = _at;
                }
                else
                {
                    _at++;
                }
            }

            Blank(start, _at);
        }

        private void RawBody(int literalStart, int quotes, int dollars)
        {
            var start = literalStart;
            while (_at < text.Length)
            {
                var c = text[_at];
                if (c == '"')
                {
                    var run = 0;
                    while (At(run) == '"')
                    {
                        run++;
                    }

                    _at += run;
                    if (run >= quotes)
                    {
                        Blank(start, _at);
                        return;
                    }
                }
                else if (dollars > 0 && c == '{')
                {
                    var run = 0;
                    while (At(run) == '{')
                    {
                        run++;
                    }

                    _at += run;
                    if (run >= dollars)
                    {
                        // The last `dollars` braces open the hole; any before them are literal text.
                        Blank(start, _at);
                        Code(inHole: true);
                        while (At(0) == '}')
                        {
                            _at++;
                        }

                        start = _at;
                    }
                }
                else
                {
                    _at++;
                }
            }

            Blank(start, _at);
        }
    }
}
