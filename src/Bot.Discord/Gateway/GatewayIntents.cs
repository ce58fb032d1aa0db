namespace Bot.Discord.Gateway;

public static class GatewayIntents
{
    /// <summary>GUILDS: guild and channel create/delete. Interactions need no intent; nothing privileged is asked for.</summary>
    public const int Guilds = 1 << 0;
}
