using Bot.Core.Chat;
using Microsoft.Extensions.Options;

namespace Bot.Core.Configuration;

/// <summary>The bot's admins from Bot:Admins. The local console user is always one: whoever can type there owns the machine.</summary>
public sealed class AdminList
{
    private readonly HashSet<(Platform, string)> _admins;

    public AdminList(IOptions<BotOptions> options)
        : this(options.Value.Admins)
    {
    }

    public AdminList(string admins)
    {
        if (!TryParse(admins, out var parsed, out var error))
        {
            throw new ArgumentException($"Bot:Admins is invalid: {error}", nameof(admins));
        }

        _admins = parsed;
    }

    /// <summary>The admins of the chat platforms (the console user is not listed), in a stable order.</summary>
    public IReadOnlyList<(Platform Platform, string UserId)> All =>
        [.. _admins.OrderBy(a => a.Item1).ThenBy(a => a.Item2, StringComparer.Ordinal)];

    public bool IsAdmin(UserRef user) => user.Platform == Platform.Console || _admins.Contains((user.Platform, user.UserId));

    public static bool TryParse(string? text, out HashSet<(Platform, string)> admins, out string? error)
    {
        admins = [];
        error = null;
        foreach (var entry in (text ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == entry.Length - 1 || !PlatformNames.TryParse(entry[..colon], out var platform) || platform == Platform.Console)
            {
                error = $"'{entry}' is not platform:user-id with platform telegram or discord";
                return false;
            }

            var id = entry[(colon + 1)..];
            if (!id.All(c => char.IsAsciiDigit(c) || c == '-'))
            {
                error = $"'{entry}': user ids are numbers";
                return false;
            }

            admins.Add((platform, id));
        }

        return true;
    }
}
