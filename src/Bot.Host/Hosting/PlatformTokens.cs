using Microsoft.Extensions.Configuration;

namespace Bot.Host.Hosting;

/// <summary>Which platforms have a token; decides what "no arguments" means.</summary>
public static class PlatformTokens
{
    public static bool AnyConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Telegram:Token"]) || !string.IsNullOrWhiteSpace(configuration["Discord:Token"]);

    /// <summary>The configuration every mode reads, before the host exists (appsettings next to the binary, environment, arguments).</summary>
    public static IConfiguration Peek(string[] configArgs) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(configArgs)
            .Build();
}
