namespace Bot.Discord.Models;

#pragma warning disable CA1720 // The members carry Discord's own names for option types.
public enum ApplicationCommandOptionType
{
    String = 3,
    Integer = 4,
    Channel = 7,
    Attachment = 11,
}
#pragma warning restore CA1720
