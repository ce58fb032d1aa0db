namespace Bot.Discord.Gateway;

public static class GatewayCloseCodes
{
    /// <summary>Authentication failed, bad shard, bad version, bad or privileged intents: reconnecting cannot help.</summary>
    public static bool IsFatal(int code) => code is 4004 or 4010 or 4011 or 4012 or 4013 or 4014;

    /// <summary>Invalid sequence or session timed out: the session cannot be resumed, identify anew.</summary>
    public static bool EndsSession(int code) => code is 4007 or 4009;
}
