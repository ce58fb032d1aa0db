using Bot.Telegram.Api.Types;

namespace Bot.Telegram.Api;

/// <summary>Telegram answered ok=false. The message never contains the token (it is only in the URL).</summary>
public sealed class ApiRequestException : Exception
{
    public ApiRequestException()
    {
    }

    public ApiRequestException(string message)
        : base(message)
    {
    }

    public ApiRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ApiRequestException(string method, int errorCode, string description, ResponseParameters? parameters)
        : base($"Telegram {method} failed: {errorCode} {description}")
    {
        Method = method;
        ErrorCode = errorCode;
        Description = description;
        Parameters = parameters;
    }

    public string Method { get; } = string.Empty;

    public int ErrorCode { get; }

    public string Description { get; } = string.Empty;

    public ResponseParameters? Parameters { get; }
}
