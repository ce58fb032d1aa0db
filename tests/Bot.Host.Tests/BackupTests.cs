using Bot.Core.Storage;
using Bot.Host.Cli;
using Bot.Testing;
using Microsoft.Data.Sqlite;

namespace Bot.Host.Tests;

public sealed class BackupTests
{
    [Fact]
    public async Task Backup_WhileAnotherConnectionWrites_IsConsistentAndComplete()
    {
        await using var db = await TempDatabase.CreateAsync();
        var state = new SqliteBotStateStore(db.Database);
        for (var i = 0; i < 500; i++)
        {
            await state.SetAsync($"before:{i}", new string('x', 200), CancellationToken.None);
        }

        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await state.SetAsync($"during:{writes++}", "y", CancellationToken.None);
            }
        });

        var target = Path.Combine(db.Folder, "backup", "copy.db");
        while (writes < 50)
        {
            await Task.Yield();
        }

        await BackupCommand.BackupAsync(db.Database, target, CancellationToken.None);
        await stop.CancelAsync();
        await writer;

        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var check = copy.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
        check.CommandText = "SELECT COUNT(*) FROM bot_state WHERE key LIKE 'before:%'";
        Assert.Equal(500L, await check.ExecuteScalarAsync());
        check.CommandText = "SELECT COUNT(*) FROM bot_state WHERE key LIKE 'during:%'";
        Assert.InRange((long)(await check.ExecuteScalarAsync())!, 1, writes);
        Assert.False(File.Exists(target + ".partial"));
    }

    [Fact]
    public async Task Backup_ToExistingFile_IsRefused()
    {
        await using var db = await TempDatabase.CreateAsync();
        var target = Path.Combine(db.Folder, "exists.db");
        await File.WriteAllTextAsync(target, "keep me");

        var (exit, _, stderr) = await BotProcess.RunAsync(db.Folder, new Dictionary<string, string> { ["Database__Path"] = db.Path }, null, "backup", target);

        Assert.Equal(1, exit);
        Assert.Contains("already exists", stderr, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
    }
}
