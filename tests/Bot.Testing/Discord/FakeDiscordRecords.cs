using System.Text.Json.Nodes;

namespace Bot.Testing.Discord;

/// <summary>A message the bot created in a channel, as the fake received it (content, embeds, allowed_mentions…).</summary>
/// <param name="Body">The JSON body, or the payload_json part of a multipart body.</param>
/// <param name="Files">The files[n] parts of a multipart body, with what the fake answered for each.</param>
public sealed record RecordedMessage(string ChannelId, string MessageId, JsonObject Body, IReadOnlyList<RecordedFile>? Files = null)
{
    public string? Content => (string?)Body["content"];

    public JsonArray? Embeds => Body["embeds"] as JsonArray;

    /// <summary>The first embed's image URL as the bot sent it (https, or attachment://name).</summary>
    public string? EmbedImageUrl => (string?)Embeds?[0]?["image"]?["url"];

    public IReadOnlyList<RecordedFile> Uploads => Files ?? [];
}

/// <summary>A file uploaded with a message: its part name (files[n]), file name, type, size, and the signed CDN URL the fake gave it.</summary>
public sealed record RecordedFile(string PartName, string Filename, string ContentType, long Bytes, string Url);

/// <summary>An interaction callback, follow-up, edit of the original response, or deletion of it.</summary>
public sealed record RecordedInteractionCall(string InteractionToken, RecordedCallKind Kind, JsonObject? Body)
{
    /// <summary>The message part of the call: data of a callback, or the body of a follow-up / edit.</summary>
    public JsonObject? Message => Kind == RecordedCallKind.Callback ? Body?["data"] as JsonObject : Body;

    public int? CallbackType => Kind == RecordedCallKind.Callback ? (int?)Body?["type"] : null;

    /// <summary>A deferred response (type 5, or 6 for components): a placeholder, not the answer.</summary>
    public bool IsDeferral => CallbackType is 5 or 6;

    public string? Content => (string?)Message?["content"];
}

public enum RecordedCallKind
{
    Callback,
    Followup,
    EditOriginal,
    DeleteOriginal,
}

/// <summary>A role with its permission bits.</summary>
public sealed record FakeRole(string Id, ulong Permissions);

/// <summary>A guild: its @everyone role has the guild's id; members map user ids to role ids.</summary>
public sealed record FakeGuild(string Id, string OwnerId, IReadOnlyList<FakeRole> Roles, IReadOnlyDictionary<string, IReadOnlyList<string>> Members);

/// <param name="Overwrites">(id, type 0 role / 1 member, allow, deny).</param>
public sealed record FakeChannel(string Id, string? GuildId, string Name, int Type = 0, IReadOnlyList<(string Id, int Type, ulong Allow, ulong Deny)>? Overwrites = null, string? ParentId = null);

/// <summary>An error the fake answers for a channel: HTTP status and Discord's JSON code.</summary>
public sealed record ScriptedError(int Status, int Code, string Message);
