using Bot.Testing;

namespace Bot.Core.Tests.Architecture;

/// <summary>
/// Bot.Core's folders are layers: a namespace may use the ones below it and never, by any path, itself.
/// A cycle is what lets a change to a low-level value ripple through everything and makes a folder impossible
/// to understand, test or move on its own, so the build fails on the first one. How the graph is read (and
/// what it deliberately does not count) is told on <see cref="NamespaceGraph"/>.
/// </summary>
public sealed class NamespaceCycleTests
{
    [Fact]
    public void BotCore_HasNoNamespaceCycles()
    {
        var graph = NamespaceGraph.Build(NamespaceGraph.ReadSources(Path.Combine(SharedData.RepoRoot, "src", "Bot.Core")));

        // A scan that read nothing would pass; make sure it read the project.
        Assert.True(graph.FileCount > 100, $"only {graph.FileCount} files read under src/Bot.Core");
        Assert.True(graph.Unresolved.Count == 0, "Names the scan could not bind (a reference is missing, edges may be lost): " + string.Join("; ", graph.Unresolved));
        Assert.Contains("Bot.Core.Search.Query", graph.Namespaces);
        Assert.Contains("Bot.Core.Search.Text", graph.DependenciesOf("Bot.Core.Search.Query"));

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "Namespace cycles in src/Bot.Core (each edge with the files that make it):" + graph.Describe(cycles));
    }

    [Fact]
    public void Cycles_UsingAndQualifiedName_AreFoundWithTheirFiles()
    {
        var graph = NamespaceGraph.Build(
        [
            new("A/Alpha.cs", "using Bot.Core.B;\n\nnamespace Bot.Core.A;\n\npublic sealed class Alpha(Beta beta)\n{\n    public const int Max = 1;\n}\n"),
            new("B/Beta.cs", "namespace Bot.Core.B;\n\npublic sealed class Beta\n{\n    public int Size => Bot.Core.A.Alpha.Max;\n}\n"),
            new("C/Gamma.cs", "using Bot.Core.A;\n\nnamespace Bot.Core.C;\n\npublic sealed class Gamma(Alpha alpha);\n"),
        ]);

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal(new[] { "Bot.Core.A", "Bot.Core.B" }, cycle);
        var message = graph.Describe(graph.Cycles());
        Assert.Contains("A/Alpha.cs: using Bot.Core.B; uses Beta", message, StringComparison.Ordinal);
        Assert.Contains("B/Beta.cs: uses Alpha", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Gamma", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycles_ChildUsingItsParentsTypeWithoutUsing_CountsAsAnEdge()
    {
        var graph = NamespaceGraph.Build(
        [
            new("Commands/ICommandHandler.cs", "namespace Bot.Core.Commands;\n\npublic interface ICommandHandler;\n"),
            new("Commands/Registration.cs", "using Bot.Core.Commands.Handlers;\n\nnamespace Bot.Core.Commands;\n\npublic static class Registration\n{\n    public static object Make() => new HelpHandler();\n}\n"),
            new("Commands/Handlers/HelpHandler.cs", "namespace Bot.Core.Commands.Handlers;\n\npublic sealed class HelpHandler : ICommandHandler;\n"),
        ]);

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal(new[] { "Bot.Core.Commands", "Bot.Core.Commands.Handlers" }, cycle);
        Assert.Contains("Commands/Handlers/HelpHandler.cs: uses ICommandHandler", graph.Describe(graph.Cycles()), StringComparison.Ordinal);
    }

    [Fact]
    public void Edges_CommentsStringsAndMemberNames_AreNotReferences_ButInterpolationHolesAre()
    {
        const string parent = "namespace Bot.Core.Chat;\n\npublic enum Platform { Telegram }\n";
        const string child = """"
            namespace Bot.Core.Chat.Inbox;

            // Bot.Core.Storage.Rows is named in a comment only.
            /* Platform here is prose. */
            public sealed class Note(object message)
            {
                public string Text => "Bot.Core.Storage.Rows and Platform in a string";
                public string Raw => """
                    Bot.Core.Storage.Rows again, {not a hole}
                    """;
                public object Where => message.GetType().Name + ((dynamic)message).Platform;
                public char Quote => '"';
            }
            """";
        const string storage = "namespace Bot.Core.Storage;\n\npublic static class Rows { public const int Max = 1; }\n";
        const string sql = """"
            namespace Bot.Core.Search;

            public static class Sql
            {
                public const string Query = $"""
                    SELECT * FROM a WHERE n < {Bot.Core.Storage.Rows.Max} AND s = '{"x"}'
                    """;
            }
            """";

        var graph = NamespaceGraph.Build(
        [
            new("Chat/Platform.cs", parent),
            new("Chat/Inbox/Note.cs", child),
            new("Storage/Rows.cs", storage),
            new("Search/Sql.cs", sql),
        ]);

        Assert.Empty(graph.DependenciesOf("Bot.Core.Chat.Inbox"));
        Assert.Equal(new[] { "Bot.Core.Storage" }, graph.DependenciesOf("Bot.Core.Search"));
    }
}
