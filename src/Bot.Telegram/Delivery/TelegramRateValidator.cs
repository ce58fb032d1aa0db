using Bot.Core.Delivery;
using Microsoft.Extensions.Options;

namespace Bot.Telegram.Delivery;

/// <summary>
/// Telegram allows about 30 messages a second for free; above that only paid broadcasts (Stars per
/// message), up to 1,000/s. Delivery:Telegram:GlobalPerSecond is held to what Telegram:AllowPaidBroadcast permits.
/// </summary>
public sealed class TelegramRateValidator(IOptions<TelegramOptions> telegram) : IValidateOptions<DeliveryOptions>
{
    public const double FreePerSecond = 30;
    public const double PaidPerSecond = 1000;

    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var rate = options.Telegram.GlobalPerSecond;
        var paid = telegram.Value.AllowPaidBroadcast;
        // 0 (no limit, for tests against a fake) is left alone: Telegram's 429s would still be obeyed.
        if (!paid && rate > FreePerSecond)
        {
            return ValidateOptionsResult.Fail(
                $"Delivery:Telegram:GlobalPerSecond may exceed {FreePerSecond} only with Telegram:AllowPaidBroadcast = true (paid broadcasts cost Stars per message).");
        }

        if (paid && rate > PaidPerSecond)
        {
            return ValidateOptionsResult.Fail($"Delivery:Telegram:GlobalPerSecond must be at most {PaidPerSecond} even with Telegram:AllowPaidBroadcast.");
        }

        return ValidateOptionsResult.Success;
    }
}
