using Bot.Core.Chat;
using Bot.Core.Commands.Conversations;

namespace Bot.Core.Storage;

/// <summary>Durable per-user conversation state, so a restart between "/post" and the file loses nothing.</summary>
public sealed class SqliteConversationStore(SqliteDatabase database, TimeProvider clock)
{
    /// <summary>An admin who walks away has an hour before the bot forgets what it was waiting for.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async Task<Conversation?> GetAsync(ChatRef chat, UserRef user, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT state, data FROM conversations
            WHERE platform = $platform AND chat_id = $chat AND user_id = $user AND expires_at > $now
            """;
        Bind(command, chat, user);
        command.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeSeconds());
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || !Enum.TryParse<ConversationState>(reader.GetString(0), out var state))
        {
            return null;
        }

        return new Conversation(state, reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    public async Task SetAsync(ChatRef chat, UserRef user, Conversation conversation, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO conversations (platform, chat_id, user_id, state, data, expires_at)
            VALUES ($platform, $chat, $user, $state, $data, $expires)
            ON CONFLICT (platform, chat_id, user_id) DO UPDATE
            SET state = excluded.state, data = excluded.data, expires_at = excluded.expires_at
            """;
        Bind(command, chat, user);
        command.Parameters.AddWithValue("$state", conversation.State.ToString());
        command.Parameters.AddWithValue("$data", (object?)conversation.Data ?? DBNull.Value);
        command.Parameters.AddWithValue("$expires", (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds());
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> ClearAsync(ChatRef chat, UserRef user, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM conversations WHERE platform = $platform AND chat_id = $chat AND user_id = $user";
        Bind(command, chat, user);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    private static void Bind(Microsoft.Data.Sqlite.SqliteCommand command, ChatRef chat, UserRef user)
    {
        command.Parameters.AddWithValue("$platform", chat.Platform.ToKey());
        command.Parameters.AddWithValue("$chat", chat.ChatId);
        command.Parameters.AddWithValue("$user", user.UserId);
    }
}
