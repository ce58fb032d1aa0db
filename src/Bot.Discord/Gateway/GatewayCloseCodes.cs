namespace Bot.Discord.Gateway;

public static class GatewayCloseCodes
{
    /// <summary>Authentication failed, bad shard, bad version, bad or privileged intents: reconnecting cannot help.</summary>
    public static bool IsFatal(int code) => code is 4004 or 4010 or 4011 or 4012 or 4013 or 4014;

    /// <summary>Invalid sequence or session timed out: the session cannot be resumed, identify anew.</summary>
    public static bool EndsSession(int code) => code is 4007 or 4009;

    /// <summary>What the operator reads when a fatal close stops the bot (Discord's close-code table).</summary>
    public static string Describe(int code) => code switch
    {
        4004 => "4004 Authentication failed: the bot token is wrong or was reset; set Discord:Token to the current token",
        4010 => "4010 Invalid shard",
        4011 => "4011 Sharding required: the bot is in too many guilds for one connection",
        4012 => "4012 Invalid API version",
        4013 => "4013 Invalid intents",
        4014 => "4014 Disallowed intents: the bot asked for an intent it is not approved or enabled for in the developer portal",
        _ => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
