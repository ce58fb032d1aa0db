using Microsoft.Extensions.Configuration;

namespace Bot.Host.Hosting;

/// <summary>Which platforms have a token; decides what "no arguments" means.</summary>
public static class PlatformTokens
{
    public static bool AnyConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Telegram:Token"]) || !string.IsNullOrWhiteSpace(configuration["Discord:Token"]);

    /// <summary>A platform token or a web server to run: then "no arguments" means `run`, not the console chat.</summary>
    public static bool AnythingToRun(IConfiguration configuration) =>
        AnyConfigured(configuration) || !string.IsNullOrWhiteSpace(configuration["Web:Urls"]);

    /// <summary>The configuration every mode reads, before the host exists (appsettings next to the binary, environment, arguments).</summary>
    public static IConfiguration Peek(string[] configArgs) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(configArgs)
            .Build();
}
