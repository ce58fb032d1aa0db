namespace Bot.Host.Hosting;

public enum BotMode
{
    /// <summary>The configured platforms, the scheduler and the delivery worker.</summary>
    Run,

    /// <summary>The local console chat (plus the scheduler and delivery to the console).</summary>
    Console,

    /// <summary>A one-shot CLI command (import, search, stats…): storage only, no background services.</summary>
    Tool,
}
