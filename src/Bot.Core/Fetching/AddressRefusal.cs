namespace Bot.Core.Fetching;

/// <summary>Why an address is not one the bot may connect to.</summary>
public enum AddressRefusal
{
    None,
    Loopback,
    Private,
    LinkLocal,
    Multicast,
    Unspecified,
    Broadcast,
    Reserved,
}
