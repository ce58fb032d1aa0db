using System.CommandLine;
using Bot.Core.Media;
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
        var media = host.Services.GetRequiredService<MediaFiles>();
        var folder = MediaFolderOf(target.FullName);
        var (files, bytes) = await CopyMediaAsync(media, folder, ct);
        Console.WriteLine($"Media: {files} images ({bytes} bytes) from {media.Folder} copied to {folder}; restore by copying that folder to Media:Path.");
        return 0;
    }

    /// <summary>Images go beside the database copy: the database names them, the folder holds their bytes.</summary>
    public static string MediaFolderOf(string backupFile) => backupFile + ".media";

    /// <summary>
    /// Copies every stored image (content-addressed, so never changed in place) after the database copy:
    /// an image stored meanwhile is copied too, and a file already in the folder is skipped, so
    /// backing up into an earlier backup's folder copies only what is new.
    /// </summary>
    public static async Task<(int Files, long Bytes)> CopyMediaAsync(MediaFiles media, string folder, CancellationToken ct)
    {
        var copy = new MediaFiles(folder);
        var (files, bytes) = (0, 0L);
        foreach (var (sha256, length) in media.List())
        {
            var target = copy.PathOf(sha256);
            if (!File.Exists(target) || new FileInfo(target).Length != length)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var partial = target + ".partial";
                await using (var source = media.OpenRead(sha256))
                {
                    if (source is null)
                    {
                        continue; // pruned while copying
                    }

                    await using var destination = File.Create(partial);
                    await source.CopyToAsync(destination, ct);
                }

                File.Move(partial, target, overwrite: true);
            }

            files++;
            bytes += length;
        }

        return (files, bytes);
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
