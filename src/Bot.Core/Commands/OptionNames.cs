namespace Bot.Core.Commands;

/// <summary>
/// The names of command options and form fields. They are Discord's option names and the keys of
/// <see cref="IncomingMessage.Options"/>, so adapters and handlers read these constants instead of retyping strings.
/// </summary>
public static class OptionNames
{
    public const string Tags = "tags";
    public const string Channel = "channel";
    public const string Count = "count";
    public const string Id = "id";
    public const string Query = "query";
    public const string File = "file";
    public const string Time = "time";
    public const string Title = "title";
    public const string Body = "body";
}
