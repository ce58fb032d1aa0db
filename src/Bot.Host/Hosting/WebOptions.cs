namespace Bot.Host.Hosting;

/// <summary>Section "Web": the HTTP server for webhooks, Discord interactions and /healthz. Off when Urls is empty.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Semicolon-separated listen URLs, e.g. "http://0.0.0.0:8080".</summary>
    public string Urls { get; set; } = string.Empty;
}
