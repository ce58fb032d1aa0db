namespace Bot.Core.Fetching;

/// <summary>Why a fetch produced no body.</summary>
public enum FetchFailure
{
    /// <summary>Not an absolute http(s) URL.</summary>
    InvalidUrl,

    /// <summary>The address is not public and <c>Fetch:AllowPrivateAddresses</c> is off.</summary>
    Refused,

    /// <summary>The host name does not resolve.</summary>
    NameNotResolved,

    Timeout,

    /// <summary>The body passed <c>Fetch:MaxBytes</c> (after decompression).</summary>
    TooLarge,

    TooManyRedirects,

    /// <summary>The server answered with a status other than 2xx or 304.</summary>
    HttpStatus,

    /// <summary>Connection refused or reset, TLS failure, broken compression and the like.</summary>
    Network,
}
