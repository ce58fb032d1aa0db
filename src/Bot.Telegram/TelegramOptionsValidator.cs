using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Bot.Telegram;

public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var errors = new List<string>();
        if (!TokenPattern().IsMatch(options.Token))
        {
            // Never echo the token itself: this message ends up in the start-up log.
            errors.Add("Telegram:Token does not look like a bot token (digits, ':', then letters, digits, '_' or '-').");
        }
        else if (options.Token.IndexOf(':', StringComparison.Ordinal) > MaxBotIdDigits)
        {
            // Telegram.Bot refuses such a token outright; say which key is wrong before it does.
            errors.Add($"Telegram:Token has more than {MaxBotIdDigits} digits before ':', which the Telegram.Bot library refuses.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            errors.Add("Telegram:ApiBaseUrl must be an absolute http(s) URL.");
        }
        else if (api.AbsolutePath.Trim('/').Length > 0 || api.Query.Length > 0)
        {
            // Telegram.Bot keeps only scheme, host and port of the base URL: a path would be silently dropped.
            errors.Add("Telegram:ApiBaseUrl must be a server root such as https://api.telegram.org (Telegram.Bot ignores any path).");
        }

        if (options.UsesWebhook)
        {
            if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != "https")
            {
                errors.Add("Telegram:WebhookUrl must be an absolute https URL (Telegram only calls https webhooks).");
            }

            if (options.WebhookSecret is null || !SecretPattern().IsMatch(options.WebhookSecret))
            {
                errors.Add("Telegram:WebhookSecret is required with a webhook: 1-256 characters of A-Z, a-z, 0-9, _ and -.");
            }
        }

        if (options.PollTimeoutSeconds is < 0 or > 600)
        {
            errors.Add("Telegram:PollTimeoutSeconds must be between 0 and 600.");
        }

        if (options.RequestTimeoutSeconds is < 1 or > 600)
        {
            errors.Add("Telegram:RequestTimeoutSeconds must be between 1 and 600.");
        }

        if (options.MaxUpdatesInFlight is < 1 or > 1000)
        {
            errors.Add("Telegram:MaxUpdatesInFlight must be between 1 and 1000.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private const int MaxBotIdDigits = 16;

    [GeneratedRegex("^[0-9]{1,20}:[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
