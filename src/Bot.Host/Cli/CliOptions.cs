using System.CommandLine;

namespace Bot.Host.Cli;

/// <summary>Options shared by several commands.</summary>
public static class CliOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of a table" };

    /// <summary>
    /// Tokens the parser did not recognise are configuration overrides in the host's usual form
    /// (--Database:Path=/tmp/x.db); they are passed on to the host's configuration.
    /// </summary>
    public static string[] ConfigArgs(ParseResult result) => [.. result.UnmatchedTokens];
}
