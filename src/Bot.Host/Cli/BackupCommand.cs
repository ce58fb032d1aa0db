using System.CommandLine;
using Bot.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Cli;

/// <summary>`backup FILE`: a consistent copy through SQLite's online backup API, safe while the bot runs.</summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Where to write the backup (must not exist)" };
        var command = new Command("backup", "Copy the database safely while the bot runs") { TreatUnmatchedTokensAsErrors = false };
        command.Arguments.Add(file);
        command.SetAction((result, ct) => RunAsync(result.GetValue(file)!, CliOptions.ConfigArgs(result), ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo target, string[] configArgs, CancellationToken ct)
    {
        if (target.Exists)
        {
            await Console.Error.WriteLineAsync($"{target.FullName} already exists; choose a new file name.");
            return 1;
        }

        using var host = await CliHost.OpenAsync(configArgs, ct);
        var written = await BackupAsync(host.Services.GetRequiredService<SqliteDatabase>(), target.FullName, ct);
        Console.WriteLine($"Backed up to {target.FullName} ({written} bytes).");
        return 0;
    }

    /// <summary>Writes beside the target first and renames, so a half-written backup never looks complete.</summary>
    public static async Task<long> BackupAsync(SqliteDatabase database, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        var partial = target + ".partial";
        File.Delete(partial);
        await using (var source = await database.OpenAsync(ct))
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
            await using var journal = destination.CreateCommand();
            // The copy is a single self-contained file: no WAL beside it.
            journal.CommandText = "PRAGMA journal_mode = DELETE;";
            await journal.ExecuteNonQueryAsync(ct);
        }

        File.Move(partial, target);
        return new FileInfo(target).Length;
    }
}
