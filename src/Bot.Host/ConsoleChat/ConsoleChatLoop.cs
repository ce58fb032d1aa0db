using Bot.Core.Chat;
using Bot.Core.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Bot.Host.ConsoleChat;

/// <summary>
/// The local chat: each input line is a message from the local admin, replies and pushed articles
/// are printed. Works on a terminal and with piped input, and ends cleanly at end of input.
/// </summary>
public sealed class ConsoleChatLoop(IChatBot bot, CommandCatalog catalog, ConsoleOutput output, IConfiguration configuration, ILogger<ConsoleChatLoop> logger)
{
    public static readonly ChatRef Chat = new(Platform.Console, "local", ChatKind.Private, Title: "console");

    private readonly UserRef _user = new(Platform.Console, "local", Environment.UserName, configuration["Console:Language"] ?? Environment.GetEnvironmentVariable("LANG"));

    public async Task RunAsync(TextReader input, bool interactive, CancellationToken ct)
    {
        if (interactive)
        {
            output.Write("Console chat. Type /help for commands, /quit to leave.");
        }

        while (!ct.IsCancellationRequested)
        {
            string? line;
            try
            {
                line = await input.ReadLineAsync(ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (line is null)
            {
                break;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line is "/quit" or "/exit")
            {
                break;
            }

            try
            {
                foreach (var reply in await HandleLineAsync(line, ct))
                {
                    output.Write(ConsoleRenderer.Render(reply));
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The console chat could not handle a line");
                output.Write("Error: " + e.Message);
            }
        }
    }

    private Task<IReadOnlyList<Reply>> HandleLineAsync(string line, CancellationToken ct)
    {
        if (line.StartsWith("/press ", StringComparison.Ordinal))
        {
            return bot.HandleCallbackAsync(new CallbackRequest(Chat, _user, line["/press ".Length..].Trim(), ConsoleAccess.Instance), ct);
        }

        // The console's way to upload a file: a command that takes one, followed by a path
        // ("/post path/to/article.md"), sends the file with the command; a path alone is a file sent on
        // its own (after "/post"). An absolute path starts with '/' too, so look for the file before
        // reading the line as a command.
        var words = line.Split(' ', 2, StringSplitOptions.TrimEntries);
        var (text, file) = words is [['/', ..] command, var rest] && TakesFile(command) && FileFrom(rest) is { } attached
            ? (command, attached)
            : FileFrom(line) is { } alone ? (string.Empty, alone) : (line, null);
        return bot.HandleMessageAsync(new IncomingMessage(Chat, _user, text, ConsoleAccess.Instance, file), ct);
    }

    private bool TakesFile(string command) =>
        catalog.Find(command.TrimStart('/'))?.Options.Any(o => o.Type == CommandOptionType.Attachment) == true;

    private static IncomingFile? FileFrom(string candidate)
    {
        if (candidate.Length == 0 || candidate.Length > 4096 || candidate.Contains('\n', StringComparison.Ordinal) || !File.Exists(candidate))
        {
            return null;
        }

        var info = new FileInfo(candidate);
        return new IncomingFile(info.Name, info.Length, _ => Task.FromResult<Stream>(File.OpenRead(info.FullName)));
    }
}
