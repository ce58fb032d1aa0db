using System.Globalization;
using System.Text.Json.Nodes;

namespace Bot.Testing.Discord;

/// <summary>Builds INTERACTION_CREATE payloads as Discord sends them; each gets a fresh id and token.</summary>
public static class FakeInteractions
{
    public const string GuildId = "700000000000000001";
    public const string ChannelId = "710000000000000001";
    public const string UserId = "720000000000000001";
    public const ulong ManageChannels = 1UL << 4;
    public const ulong ViewAndSend = (1UL << 10) | (1UL << 11) | (1UL << 14);

    private static long _next = 1_400_000_000_000_000_000;

    /// <param name="options">(name, type, value): type 3 string, 4 integer, 7 channel, 11 attachment.</param>
    public static JsonObject SlashCommand(
        string name,
        IReadOnlyList<(string Name, int Type, JsonNode Value)>? options = null,
        ulong memberPermissions = ViewAndSend,
        string locale = "en-US",
        string? guildId = GuildId,
        string channelId = ChannelId,
        string userId = UserId,
        JsonObject? resolved = null,
        IReadOnlyList<string>? roles = null,
        ulong appPermissions = ViewAndSend)
    {
        var data = new JsonObject
        {
            ["id"] = Id(),
            ["name"] = name,
            ["type"] = 1,
            ["options"] = new JsonArray((options ?? []).Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = o.Type, ["value"] = o.Value.DeepClone() }).ToArray()),
        };
        if (resolved is not null)
        {
            data["resolved"] = resolved;
        }

        var interaction = Base(2, data, memberPermissions, locale, guildId, channelId, userId, roles);
        interaction["app_permissions"] = appPermissions.ToString(CultureInfo.InvariantCulture);
        return interaction;
    }

    /// <summary>resolved.attachments for an attachment option whose value is <paramref name="id"/>.</summary>
    public static JsonObject ResolvedAttachment(string id, string fileName, long size, string url) => new()
    {
        ["attachments"] = new JsonObject
        {
            [id] = new JsonObject { ["id"] = id, ["filename"] = fileName, ["size"] = size, ["url"] = url, ["proxy_url"] = url },
        },
    };

    public static JsonObject Component(string customId, ulong memberPermissions = ViewAndSend, string locale = "en-US", string userId = UserId) =>
        Base(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, memberPermissions, locale, GuildId, ChannelId, userId);

    public static JsonObject ModalSubmit(string customId, IReadOnlyDictionary<string, string> values, string locale = "en-US", string userId = UserId) =>
        Base(5, new JsonObject
        {
            ["custom_id"] = customId,
            ["components"] = new JsonArray(values.Select(v => (JsonNode)new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray(new JsonObject { ["type"] = 4, ["custom_id"] = v.Key, ["value"] = v.Value }),
            }).ToArray()),
        }, ViewAndSend, locale, GuildId, ChannelId, userId);

    public static JsonObject Autocomplete(string command, string option, string typed) =>
        Base(4, new JsonObject
        {
            ["id"] = Id(),
            ["name"] = command,
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = option, ["type"] = 3, ["value"] = typed, ["focused"] = true }),
        }, ViewAndSend, "en-US", GuildId, ChannelId, UserId);

    public static JsonObject Ping() => new() { ["id"] = Id(), ["application_id"] = FakeDiscord.ApplicationId, ["type"] = 1, ["token"] = "token-" + Id(), ["version"] = 1 };

    public static string TokenOf(JsonObject interaction) => (string)interaction["token"]!;

    private static JsonObject Base(int type, JsonObject data, ulong memberPermissions, string locale, string? guildId, string channelId, string userId, IReadOnlyList<string>? roles = null)
    {
        var id = Id();
        var interaction = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = FakeDiscord.ApplicationId,
            ["type"] = type,
            ["data"] = data,
            ["channel_id"] = channelId,
            ["channel"] = new JsonObject { ["id"] = channelId, ["type"] = guildId is null ? 1 : 0, ["name"] = "general" },
            ["token"] = "token-" + id,
            ["version"] = 1,
            ["locale"] = locale,
            ["app_permissions"] = ViewAndSend.ToString(CultureInfo.InvariantCulture),
        };
        var user = new JsonObject { ["id"] = userId, ["username"] = "reader", ["global_name"] = "Reader" };
        if (guildId is null)
        {
            interaction["user"] = user;
        }
        else
        {
            interaction["guild_id"] = guildId;
            interaction["guild_locale"] = "en-US";
            interaction["member"] = new JsonObject
            {
                ["user"] = user,
                ["roles"] = new JsonArray((roles ?? []).Select(r => (JsonNode)r).ToArray()),
                ["permissions"] = memberPermissions.ToString(CultureInfo.InvariantCulture),
            };
        }

        return interaction;
    }

    private static string Id() => Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
}
