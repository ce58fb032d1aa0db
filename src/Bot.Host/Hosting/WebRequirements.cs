using Microsoft.Extensions.Configuration;

namespace Bot.Host.Hosting;

/// <summary>Settings that only work with the web server on: refuse them at start rather than wait for updates that never come.</summary>
public static class WebRequirements
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[$"{WebOptions.Section}:Urls"]))
        {
            return [];
        }

        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(configuration["Telegram:Token"]) && !string.IsNullOrWhiteSpace(configuration["Telegram:WebhookUrl"]))
        {
            problems.Add("Telegram:WebhookUrl is set but Web:Urls is empty: Telegram would post updates to a server that is not running. Set Web:Urls, or clear Telegram:WebhookUrl to use long polling.");
        }

        if (!string.IsNullOrWhiteSpace(configuration["Discord:Token"]) && string.Equals(configuration["Discord:Interactions"], "http", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("Discord:Interactions is http but Web:Urls is empty: interactions would arrive at a server that is not running. Set Web:Urls, or use Discord:Interactions=gateway.");
        }

        return problems;
    }
}
