using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Bot.Core.Storage;

/// <summary>Opens connections to the bot's SQLite file with the pragmas every connection needs.</summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly long _mmapBytes;

    public SqliteDatabase(IOptions<DatabaseOptions> options)
        : this(options.Value.Path, options.Value.BusyTimeoutMs, options.Value.MmapSizeMb)
    {
    }

    public SqliteDatabase(string path, int busyTimeoutMs = 10_000, int mmapSizeMb = DatabaseOptions.DefaultMmapSizeMb)
    {
        _mmapBytes = mmapSizeMb * 1024L * 1024L;
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        FilePath = full;
        _busyTimeoutMs = busyTimeoutMs;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, busyTimeoutMs / 1000),
        }.ToString();
    }

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var pragma = connection.CreateCommand();
            // WAL lets readers (search) run while the delivery worker writes; NORMAL is durable in WAL
            // mode across process crashes (only an OS crash can lose the last transactions). Reading the file
            // through a memory map saves a system call and a copy per page: search walks long FTS5 doclists.
            pragma.CommandText = $"""
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                PRAGMA foreign_keys = ON;
                PRAGMA busy_timeout = {_busyTimeoutMs};
                PRAGMA temp_store = MEMORY;
                PRAGMA mmap_size = {_mmapBytes};
                """;
            await pragma.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a write transaction that takes the write lock at once (BEGIN IMMEDIATE), so it never fails half-way on a busy upgrade.</summary>
    public static SqliteTransaction BeginWrite(SqliteConnection connection) => connection.BeginTransaction(deferred: false);
}
