using System.ComponentModel.DataAnnotations;

namespace Bot.Core.Delivery;

/// <summary>The delivery worker's settings (section <c>Delivery</c>); every key is described in docs/delivery.md.</summary>
public sealed class DeliveryOptions : IValidatableObject
{
    public const string Section = "Delivery";

    /// <summary>Sends in flight at once; also the most messages a crash can send twice.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 8;

    /// <summary>How many deliveries one lease transaction takes at most.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 64;

    /// <summary>How long a leased delivery belongs to its worker; after a crash it is sent again once this has passed.</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Transient failures before a delivery is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    [Range(0.01, 3600)]
    public double BackoffBaseSeconds { get; set; } = 2;

    [Range(0.01, 86_400)]
    public double BackoffMaxSeconds { get; set; } = 900;

    /// <summary>How often an idle worker looks for new deliveries written by another process.</summary>
    [Range(0.05, 3600)]
    public double PollSeconds { get; set; } = 2;

    /// <summary>How often the Quartz job publishes scheduled articles whose time has come.</summary>
    [Range(1, 86_400)]
    public int PublishCheckSeconds { get; set; } = 30;

    /// <summary>Which archived images go as pictures: none, the lead photo (default), or all (the others as albums).</summary>
    public Media.DeliveryImageMode Images { get; set; } = Media.DeliveryImageMode.Lead;

    /// <summary>
    /// How late a digest may still go when the host was down at its time: within this it is made once when
    /// the host is back; later, that digest time is skipped and its articles wait for the next one.
    /// </summary>
    [Range(0, 7 * 24 * 60)]
    public int DigestGraceMinutes { get; set; } = 240;

    public PlatformRateOptions Telegram { get; set; } = PlatformRateOptions.TelegramDefaults();

    public PlatformRateOptions Discord { get; set; } = PlatformRateOptions.DiscordDefaults();

    public PlatformRateOptions Console { get; set; } = new();

    public PlatformRateOptions For(Chat.Platform platform) => platform switch
    {
        Chat.Platform.Telegram => Telegram,
        Chat.Platform.Discord => Discord,
        _ => Console,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BackoffMaxSeconds < BackoffBaseSeconds)
        {
            yield return new ValidationResult("Delivery:BackoffMaxSeconds must be at least Delivery:BackoffBaseSeconds.");
        }

        foreach (var (name, rates) in new[] { ("Telegram", Telegram), ("Discord", Discord), ("Console", Console) })
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(rates, new ValidationContext(rates), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    yield return new ValidationResult($"Delivery:{name}: {result.ErrorMessage}", [.. result.MemberNames.Select(m => $"{name}.{m}")]);
                }
            }
        }
    }
}
