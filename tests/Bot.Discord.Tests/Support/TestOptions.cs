using Microsoft.Extensions.Options;

namespace Bot.Discord.Tests.Support;

public static class TestOptions
{
    public static IOptions<DiscordOptions> Discord(string apiBaseUrl = "http://127.0.0.1:1/api/v10", TimeSpan? maxWait = null) =>
        Options.Create(new DiscordOptions
        {
            Token = Bot.Testing.Discord.FakeDiscord.Token,
            ApiBaseUrl = apiBaseUrl,
            MaxRateLimitWait = maxWait ?? TimeSpan.Zero,
        });
}
