using Bot.Core.Storage;
using Bot.Core.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Testing;

/// <summary>A real SQLite file in a fresh temporary folder, migrated, deleted on dispose.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    private TempDatabase(string folder, SqliteDatabase database)
    {
        Folder = folder;
        Database = database;
    }

    public string Folder { get; }

    public SqliteDatabase Database { get; }

    public string Path => Database.FilePath;

    public static async Task<TempDatabase> CreateAsync(CancellationToken ct = default)
    {
        var folder = Directory.CreateTempSubdirectory("bot-test-").FullName;
        var database = new SqliteDatabase(System.IO.Path.Combine(folder, "bot.db"));
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).ApplyAsync(ct);
        return new TempDatabase(folder, database);
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process of a test may still hold the file for a moment; the OS cleans temp folders.
        }
    }
}
