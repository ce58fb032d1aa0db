using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bot.Core.Tests.Architecture;

/// <summary>One source file as the graph reads it: a path for messages and its text.</summary>
public sealed record SourceFile(string Path, string Text);

/// <summary>Why one namespace depends on another: the file and what in it makes the edge.</summary>
public sealed record NamespaceEdge(string From, string To, string File, string Reason);

/// <summary>
/// The namespace dependency graph of a set of C# files, as the compiler binds them: the files are compiled
/// together (Roslyn, against the assemblies this test runs with) and every name in them that binds to a type
/// or a member declared in another of their namespaces is an edge, however it is written — through a using,
/// fully or partly qualified, or found without any using in an enclosing namespace. A using directive is an
/// edge too, even when the file names nothing it brings in: it reads as a dependency, so delete it.
/// Comments, string text and member names that merely look like a type are not references, because the
/// compiler does not bind them; code inside interpolation holes is (SQL built in raw strings names constants
/// such as <c>ArticleStates.Draft</c> there).
/// </summary>
public sealed class NamespaceGraph
{
    // Enough files to show how an edge is made without burying the other edges of the cycle.
    private const int MaxFilesPerEdge = 5;

    // What <ImplicitUsings>enable</ImplicitUsings> (Directory.Build.props) has the SDK generate for a library.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private readonly SortedDictionary<string, SortedDictionary<string, List<NamespaceEdge>>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph(SortedSet<string> namespaces, int fileCount, IReadOnlyList<string> unresolved)
    {
        Namespaces = namespaces;
        FileCount = fileCount;
        Unresolved = unresolved;
    }

    /// <summary>Every namespace some file declares.</summary>
    public SortedSet<string> Namespaces { get; }

    public int FileCount { get; }

    /// <summary>Types or namespaces the compiler could not find: each may hide an edge, so a real scan must have none.</summary>
    public IReadOnlyList<string> Unresolved { get; }

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
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, options, f.Path)).ToList();
        var compilation = CSharpCompilation.Create(
            "NamespaceScan",
            trees.Append(CSharpSyntaxTree.ParseText(ImplicitUsings, options, "ImplicitUsings.g.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var declared = trees.Select(t => (Tree: t, Namespace: DeclaredNamespace(t))).ToList();
        var namespaces = new SortedSet<string>(declared.Select(d => d.Namespace), StringComparer.Ordinal);

        // Source generators (logging, regex, JSON) do not run here, so members they would add are missing; a
        // missing type or namespace, though, means a reference is missing and an edge could be lost.
        var unresolved = compilation.GetDiagnostics()
            .Where(d => d.Id is "CS0246" or "CS0234")
            .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var graph = new NamespaceGraph(namespaces, files.Count, unresolved);
        foreach (var (tree, ns) in declared)
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            foreach (var directive in root.DescendantNodes().OfType<UsingDirectiveSyntax>())
            {
                var target = directive.NamespaceOrType is { } name ? model.GetSymbolInfo(name).Symbol : null;
                var targetNamespace = target as INamespaceSymbol ?? target?.ContainingNamespace;
                graph.AddIfInternal(ns, targetNamespace, tree.FilePath, $"using {directive.NamespaceOrType}", namespaces);
            }

            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (InDirectiveOrDeclaration(name))
                {
                    continue;
                }

                var info = model.GetSymbolInfo(name);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                var owner = symbol switch
                {
                    INamedTypeSymbol type => type.OriginalDefinition,
                    { ContainingType: { } type } => type.OriginalDefinition,
                    _ => null,
                };
                if (owner is not null)
                {
                    // A member counts as its type, so the message names each type once per file.
                    graph.AddIfInternal(ns, owner.ContainingNamespace, tree.FilePath, $"uses {owner.Name}", namespaces);
                }
            }
        }

        return graph;
    }

    // A file-scoped namespace holds the whole file, so only its own name is skipped, not what it contains.
    private static bool InDirectiveOrDeclaration(SyntaxNode name) => name.AncestorsAndSelf().Any(node =>
        node is UsingDirectiveSyntax || (node.Parent is BaseNamespaceDeclarationSyntax declaration && declaration.Name == node));

    private static string DeclaredNamespace(SyntaxTree tree)
    {
        var declarations = tree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().ToList();
        return declarations is [var one]
            ? one.Name.ToString()
            : throw new InvalidOperationException($"{tree.FilePath} declares {declarations.Count} namespaces; the check reads one per file.");
    }

    /// <summary>The framework's and this test's own assemblies, except the projects under scan (their sources are compiled instead).</summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        return [.. platform.Concat(local)
            .Where(path => !Path.GetFileName(path).StartsWith("Bot.", StringComparison.Ordinal))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }

    private void AddIfInternal(string from, INamespaceSymbol? to, string file, string reason, SortedSet<string> namespaces)
    {
        var target = to is null || to.IsGlobalNamespace ? null : to.ToDisplayString();
        if (target is not null && target != from && namespaces.Contains(target))
        {
            Add(new NamespaceEdge(from, target, file, reason));
        }
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
}
