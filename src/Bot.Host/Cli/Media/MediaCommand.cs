using System.CommandLine;

namespace Bot.Host.Cli.Media;

/// <summary>`media get|list|retry|prune`: the image archive from the command line.</summary>
public static class MediaCommand
{
    public static Command Create()
    {
        var command = new Command("media", "Get, list, retry or prune archived images");
        command.Subcommands.Add(MediaGetCommand.Create());
        command.Subcommands.Add(MediaListCommand.Create());
        command.Subcommands.Add(MediaRetryCommand.Create());
        command.Subcommands.Add(MediaPruneCommand.Create());
        return command;
    }
}
