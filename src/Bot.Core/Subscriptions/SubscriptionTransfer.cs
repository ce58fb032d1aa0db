using System.Text.Json;
using System.Text.Json.Serialization;
using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Subscriptions;

/// <summary>One subscription as exported: who (platform, chat), what (filters) and whether it is on (state).</summary>
public sealed record SubscriptionRecord(
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("chat")] ChatRecord Chat,
    [property: JsonPropertyName("filters")] FiltersRecord Filters,
    [property: JsonPropertyName("state")] StateRecord State,
    [property: JsonPropertyName("delivery")] DeliveryRecord? Delivery = null);

public sealed record ChatRecord(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("thread")] string? Thread,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("title")] string? Title);

public sealed record FiltersRecord(
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("authors")] IReadOnlyList<string> Authors,
    [property: JsonPropertyName("keywords")] IReadOnlyList<string> Keywords);

/// <param name="Active">False once the platform said the chat is gone (bot blocked, channel deleted).</param>
/// <param name="DeactivatedReason">The platform's own words.</param>
/// <param name="DeactivatedKind">Why, as <see cref="ChatGoneKinds.ToKey"/> names it (blocked, removed…); absent in older files.</param>
public sealed record StateRecord(
    [property: JsonPropertyName("paused")] bool Paused,
    [property: JsonPropertyName("active")] bool Active,
    [property: JsonPropertyName("deactivatedReason")] string? DeactivatedReason,
    [property: JsonPropertyName("created")] DateTimeOffset Created,
    [property: JsonPropertyName("deactivatedKind")] string? DeactivatedKind = null);

/// <summary>
/// How the chat asked to receive articles: instant or a digest at a local time (and weekday), quiet hours,
/// its time zone (null: <c>Bot:TimeZone</c>) and the language of the digest's own words. Absent in files
/// from before digests existed, which means instant.
/// </summary>
public sealed record DeliveryRecord(
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("at")] string? At,
    [property: JsonPropertyName("day")] string? Day,
    [property: JsonPropertyName("quiet")] QuietRecord? Quiet,
    [property: JsonPropertyName("time_zone")] string? TimeZone,
    [property: JsonPropertyName("language")] string? Language);

/// <param name="Start">Local "HH:mm".</param>
/// <param name="Silent">Deliver without a notification instead of waiting for the end.</param>
public sealed record QuietRecord(
    [property: JsonPropertyName("start")] string Start,
    [property: JsonPropertyName("end")] string End,
    [property: JsonPropertyName("silent")] bool Silent);

/// <summary>The export file: a format name and version, so an import can refuse a file that is not one.</summary>
public sealed record SubscriptionExport(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("exported")] DateTimeOffset Exported,
    [property: JsonPropertyName("subscriptions")] IReadOnlyList<SubscriptionRecord> Subscriptions)
{
    public const string FormatName = "bot-subscriptions";
    public const int CurrentVersion = 1;
}

public sealed record SubscriptionImportSummary(int Created, int Updated);

/// <summary>
/// Moves the subscription list between databases (a new server, a new bot token): every subscription,
/// active or not, with its filters and state. Importing replaces each listed chat's filters and state and
/// leaves chats the file does not mention alone; the whole file goes in one transaction or not at all.
/// </summary>
public sealed class SubscriptionTransfer(SqliteDatabase database, ChatTimeZones zones, TimeProvider time)
{
    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<SubscriptionExport> ExportAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var filters = new Dictionary<long, List<FilterRow>>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT subscription_id, kind, value, value_key FROM subscription_filters ORDER BY subscription_id, kind, value_key";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                if (!filters.TryGetValue(id, out var rows))
                {
                    filters[id] = rows = [];
                }

                rows.Add(new FilterRow(reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        var records = new List<SubscriptionRecord>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT id, platform, chat_id, thread_id, chat_kind, title, paused, active, deactivated_reason, created_at,
                       delivery_mode, digest_minute, digest_weekday, quiet_start, quiet_end, quiet_silent, time_zone, language,
                       deactivated_kind
                FROM subscriptions
                ORDER BY id
                """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var filter = FilterRows.ToFilter(filters.TryGetValue(reader.GetInt64(0), out var rows) ? rows : []);
                records.Add(new SubscriptionRecord(
                    reader.GetString(1),
                    new ChatRecord(reader.GetString(2), reader.GetString(3) is { Length: > 0 } thread ? thread : null, reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)),
                    new FiltersRecord(filter.Tags, filter.Authors, filter.Keywords),
                    new StateRecord(reader.GetInt64(6) != 0, reader.GetInt64(7) != 0, reader.IsDBNull(8) ? null : reader.GetString(8), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)), reader.IsDBNull(18) ? null : reader.GetString(18)),
                    ToRecord(SubscriptionRows.ReadPreferences(reader, 10), reader.IsDBNull(17) ? null : reader.GetString(17))));
            }
        }

        return new SubscriptionExport(SubscriptionExport.FormatName, SubscriptionExport.CurrentVersion, time.GetUtcNow(), records);
    }

    private static DeliveryRecord ToRecord(DeliveryPreferences preferences, string? language) => new(
        preferences.Mode.ToKey(),
        preferences.Digest is { } digest ? Clock(digest.At) : null,
        preferences.Digest?.Day is { } day ? day.ToString().ToLowerInvariant() : null,
        preferences.Quiet is { } quiet ? new QuietRecord(Clock(quiet.Start), Clock(quiet.End), quiet.Silent) : null,
        preferences.TimeZone,
        language);

    /// <summary>How the export writes a local time.</summary>
    private const string ClockFormat = "HH:mm";

    private static string Clock(TimeOnly time) => time.ToString(ClockFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads an export file; throws <see cref="FormatException"/> with a reader's message when it is not one.</summary>
    public static SubscriptionExport Parse(string json)
    {
        SubscriptionExport? export;
        try
        {
            export = JsonSerializer.Deserialize<SubscriptionExport>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not a subscription export: {e.Message}", e);
        }

        if (export is null || export.Format != SubscriptionExport.FormatName)
        {
            throw new FormatException($"Not a subscription export: \"format\" must be \"{SubscriptionExport.FormatName}\".");
        }

        if (export.Version > SubscriptionExport.CurrentVersion)
        {
            throw new FormatException($"This export is version {export.Version}; this bot reads up to version {SubscriptionExport.CurrentVersion}.");
        }

        for (var i = 0; i < (export.Subscriptions?.Count ?? 0); i++)
        {
            Validate(export.Subscriptions![i], i);
        }

        return export with { Subscriptions = export.Subscriptions ?? [] };
    }

    public async Task<SubscriptionImportSummary> ImportAsync(SubscriptionExport export, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        int created = 0, updated = 0;
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        foreach (var record in export.Subscriptions)
        {
            var (id, inserted) = await UpsertAsync(connection, transaction, record, now, ct);
            await FilterRows.ClearAsync(connection, transaction, id, ct);
            await FilterRows.AddAsync(connection, transaction, id, FilterRows.From(new SubscriptionFilter(record.Filters.Tags ?? [], record.Filters.Authors ?? [], record.Filters.Keywords ?? [])), ct);
            if (inserted)
            {
                created++;
            }
            else
            {
                updated++;
            }
        }

        await transaction.CommitAsync(ct);
        return new SubscriptionImportSummary(created, updated);
    }

    private async Task<(long Id, bool Inserted)> UpsertAsync(SqliteConnection connection, SqliteTransaction transaction, SubscriptionRecord record, long now, CancellationToken ct)
    {
        // Parse has validated the platform already.
        _ = PlatformNames.TryParse(record.Platform, out var platform);
        var chat = new ChatRef(platform, record.Chat.Id, PlatformNames.ParseChatKind(record.Chat.Kind), record.Chat.Thread, record.Chat.Title);
        var existing = await SubscriptionRows.FindAsync(connection, transaction, chat, ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = existing is null
            ? """
              INSERT INTO subscriptions (platform, chat_id, thread_id, chat_kind, title, paused, active, deactivated_reason, deactivated_kind, created_at, modified_at,
                                         delivery_mode, digest_minute, digest_weekday, digest_next_at, quiet_start, quiet_end, quiet_silent, time_zone, language)
              VALUES ($platform, $chat, $thread, $kind, $title, $paused, $active, $reason, $goneKind, $created, $now,
                      $mode, $minute, $weekday, $next, $quietStart, $quietEnd, $quietSilent, $zone, $language)
              RETURNING id
              """
            : """
              UPDATE subscriptions
              SET chat_kind = $kind, title = coalesce($title, title), paused = $paused, active = $active,
                  deactivated_reason = $reason, deactivated_kind = $goneKind, modified_at = $now,
                  delivery_mode = $mode, digest_minute = $minute, digest_weekday = $weekday, digest_next_at = $next,
                  quiet_start = $quietStart, quiet_end = $quietEnd, quiet_silent = $quietSilent, time_zone = $zone,
                  language = coalesce($language, language)
              WHERE platform = $platform AND chat_id = $chat AND thread_id = $thread
              RETURNING id
              """;
        SubscriptionRows.AddKey(command, chat);
        command.Parameters.AddWithValue("$kind", chat.Kind.ToKey());
        command.Parameters.AddWithValue("$title", (object?)chat.Title ?? DBNull.Value);
        command.Parameters.AddWithValue("$paused", record.State.Paused ? 1 : 0);
        command.Parameters.AddWithValue("$active", record.State.Active ? 1 : 0);
        command.Parameters.AddWithValue("$reason", (object?)record.State.DeactivatedReason ?? DBNull.Value);
        // An unknown kind from a newer or hand-edited file is kept as "other": the reply then quotes the reason.
        command.Parameters.AddWithValue("$goneKind", record.State.DeactivatedKind is { } gone ? ChatGoneKinds.Parse(gone).ToKey() : DBNull.Value);
        command.Parameters.AddWithValue("$created", record.State.Created.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", now);
        AddDelivery(command, record.Delivery, now);
        return ((long)(await command.ExecuteScalarAsync(ct))!, existing is null);
    }

    /// <summary>The delivery columns; the next digest is computed here, in the chat's zone, as /digest would.</summary>
    private void AddDelivery(SqliteCommand command, DeliveryRecord? delivery, long now)
    {
        // Parse has validated every value already.
        var digest = Digest(delivery);
        var quiet = delivery?.Quiet;
        command.Parameters.AddWithValue("$mode", (digest?.Mode ?? DeliveryMode.Instant).ToKey());
        command.Parameters.AddWithValue("$minute", digest is null ? DBNull.Value : SubscriptionRows.MinuteOfDay(digest.At));
        command.Parameters.AddWithValue("$weekday", digest?.Day is { } day ? (int)day : DBNull.Value);
        command.Parameters.AddWithValue(
            "$next",
            digest is null ? DBNull.Value : digest.NextAfter(DateTimeOffset.FromUnixTimeMilliseconds(now), zones.Resolve(delivery?.TimeZone)).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$quietStart", quiet is null ? DBNull.Value : SubscriptionRows.MinuteOfDay(ParseClock(quiet.Start)));
        command.Parameters.AddWithValue("$quietEnd", quiet is null ? DBNull.Value : SubscriptionRows.MinuteOfDay(ParseClock(quiet.End)));
        command.Parameters.AddWithValue("$quietSilent", quiet?.Silent == true ? 1 : 0);
        command.Parameters.AddWithValue("$zone", (object?)delivery?.TimeZone ?? DBNull.Value);
        command.Parameters.AddWithValue("$language", (object?)delivery?.Language ?? DBNull.Value);
    }

    private static DigestSchedule? Digest(DeliveryRecord? delivery) => DeliveryModes.Parse(delivery?.Mode) switch
    {
        DeliveryMode.Daily => DigestSchedule.Daily(ParseClock(delivery!.At!)),
        DeliveryMode.Weekly => DigestSchedule.Weekly(
            Enum.Parse<DayOfWeek>(delivery!.Day!, ignoreCase: true),
            ParseClock(delivery.At!)),
        _ => null,
    };

    private static TimeOnly ParseClock(string clock) => TimeOnly.ParseExact(clock, ClockFormat, CultureInfo.InvariantCulture);

    private static void ValidateDelivery(DeliveryRecord delivery, string where)
    {
        if (delivery.Mode is not ("instant" or "daily" or "weekly"))
        {
            throw new FormatException($"{where}.delivery.mode: '{delivery.Mode}' is not instant, daily or weekly.");
        }

        if (delivery.Mode != "instant" && !IsClock(delivery.At))
        {
            throw new FormatException($"{where}.delivery.at: a {delivery.Mode} digest needs a local time as HH:mm.");
        }

        if (delivery.Mode == "weekly" && (delivery.Day is null || !Enum.TryParse<DayOfWeek>(delivery.Day, ignoreCase: true, out var day) || !Enum.IsDefined(day) || int.TryParse(delivery.Day, out _)))
        {
            throw new FormatException($"{where}.delivery.day: a weekly digest needs a weekday (monday … sunday).");
        }

        if (delivery.Quiet is { } quiet && (!IsClock(quiet.Start) || !IsClock(quiet.End) || quiet.Start == quiet.End))
        {
            throw new FormatException($"{where}.delivery.quiet: start and end must be two different times as HH:mm.");
        }

        if (delivery.TimeZone is { } zone && ChatTimeZones.TryFind(zone) is null)
        {
            throw new FormatException($"{where}.delivery.time_zone: '{zone}' is not a known time zone.");
        }
    }

    private static bool IsClock(string? value) =>
        TimeOnly.TryParseExact(value, ClockFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static void Validate(SubscriptionRecord record, int index)
    {
        var where = $"subscriptions[{index}]";
        if (record is null || record.Chat is null || record.Filters is null || record.State is null)
        {
            throw new FormatException($"{where}: platform, chat, filters and state are all required.");
        }

        if (!PlatformNames.TryParse(record.Platform, out _))
        {
            throw new FormatException($"{where}: unknown platform '{record.Platform}' (telegram, discord or console).");
        }

        if (string.IsNullOrWhiteSpace(record.Chat.Id))
        {
            throw new FormatException($"{where}: chat.id is empty.");
        }

        try
        {
            PlatformNames.ParseChatKind(record.Chat.Kind);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new FormatException($"{where}: unknown chat.kind '{record.Chat.Kind}' (private, group, channel or discord_channel).");
        }

        if (record.Delivery is { } delivery)
        {
            ValidateDelivery(delivery, where);
        }
    }
}
