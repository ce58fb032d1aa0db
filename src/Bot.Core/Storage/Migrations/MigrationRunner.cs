using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Storage.Migrations;

/// <summary>Brings the database up to the newest schema at start; safe to run from several processes.</summary>
public sealed class MigrationRunner(SqliteDatabase database, ILogger<MigrationRunner> logger)
{
    public static IReadOnlyList<IMigration> All { get; } = Discover();

    public async Task<int> ApplyAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version    INTEGER PRIMARY KEY,
                    name       TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                );
                """;
            await create.ExecuteNonQueryAsync(ct);
        }

        var applied = 0;
        foreach (var migration in All)
        {
            await using var transaction = SqliteDatabase.BeginWrite(connection);
            await using (var check = connection.CreateCommand())
            {
                check.Transaction = transaction;
                check.CommandText = "SELECT COUNT(*) FROM schema_version WHERE version = $version";
                check.Parameters.AddWithValue("$version", migration.Version);
                if (Convert.ToInt64(await check.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    continue;
                }
            }

            await using (var run = connection.CreateCommand())
            {
                run.Transaction = transaction;
                run.CommandText = migration.Sql;
                await run.ExecuteNonQueryAsync(ct);
            }

            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES ($version, $name, $at)";
                record.Parameters.AddWithValue("$version", migration.Version);
                record.Parameters.AddWithValue("$name", migration.Name);
                record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
                await record.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            applied++;
            logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
        }

        return applied;
    }

    private static List<IMigration> Discover()
    {
        var migrations = typeof(IMigration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMigration).IsAssignableFrom(t))
            .Select(t => (IMigration)Activator.CreateInstance(t)!)
            .OrderBy(m => m.Version)
            .ToList();
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}");
        }

        return migrations;
    }
}
