namespace Bot.Core.Fetching;

/// <summary>Thrown by the connect callback when every address of a host is one the bot may not reach.</summary>
public sealed class FetchRefusedException : Exception
{
    public FetchRefusedException()
    {
    }

    public FetchRefusedException(string message)
        : base(message)
    {
    }

    public FetchRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FetchRefusedException(string host, AddressRefusal reason)
        : base($"{host} is {AddressPolicy.Describe(reason)}; the bot only fetches from public addresses (Fetch:AllowPrivateAddresses)")
    {
        Reason = reason;
    }

    public AddressRefusal Reason { get; }
}
