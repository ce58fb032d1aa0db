using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Discord.Models;

/// <summary>Discord's wire format: snake_case names, snowflakes as strings, nulls left out.</summary>
public static class DiscordJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
