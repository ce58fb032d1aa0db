using System.Text.Encodings.Web;
using System.Text.Json;

namespace Bot.Host.Cli;

public static class CliJson
{
    /// <summary>Chinese stays readable in JSON output instead of \uXXXX escapes.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
