using System.ComponentModel.DataAnnotations;

namespace Bot.Core.Configuration;

/// <summary>Section "Bot": who administers the bot and how it reads times.</summary>
public sealed class BotOptions : IValidatableObject
{
    public const string Section = "Bot";

    /// <summary>Comma-separated platform:user-id pairs, e.g. "telegram:123456,discord:987654". The console user is always an admin.</summary>
    public string Admins { get; set; } = string.Empty;

    /// <summary>The zone in which admins' times without an offset ("2026-12-01 08:00") are read.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The largest file an admin may post.</summary>
    [Range(1024, 50 * 1024 * 1024)]
    public long MaxPostBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Where readers find the publisher if this channel is lost: entries "label url" (env Bot__BackupLinks__0, __1…).</summary>
    public List<string> BackupLinks { get; set; } = [];

    /// <summary>Also put the backup links as one line under every delivered article.</summary>
    public bool BackupLinksInDeliveries { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!AdminList.TryParse(Admins, out _, out var error))
        {
            yield return new ValidationResult($"Bot:Admins is invalid: {error}", [nameof(Admins)]);
        }

        for (var i = 0; i < BackupLinks.Count; i++)
        {
            if (!BackupLink.TryParse(BackupLinks[i], out _, out var linkError))
            {
                yield return new ValidationResult($"Bot:BackupLinks:{i} {linkError}.", [nameof(BackupLinks)]);
            }
        }

        if (!TryFindZone(TimeZone, out _))
        {
            yield return new ValidationResult($"Bot:TimeZone '{TimeZone}' is not a known time zone (use an IANA name such as Asia/Shanghai or UTC).", [nameof(TimeZone)]);
        }
    }

    /// <summary>The entries that parse, in order (validation has refused the others at start).</summary>
    public static IReadOnlyList<BackupLink> ParseBackupLinks(IEnumerable<string> entries) =>
        entries.Select(e => BackupLink.TryParse(e, out var link, out _) ? link : null).OfType<BackupLink>().ToList();

    public static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }
}
