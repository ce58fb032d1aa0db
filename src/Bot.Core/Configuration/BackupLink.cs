namespace Bot.Core.Configuration;

/// <summary>Another place where readers can find the publisher if this channel or bot is lost ("备用号").</summary>
public sealed record BackupLink(string Label, Uri Url)
{
    /// <summary>
    /// Reads one `Bot:BackupLinks` entry, written "label url": the last word is the address, everything
    /// before it the label (which may have spaces). An entry that is only an address is labelled by its host.
    /// </summary>
    public static bool TryParse(string? entry, out BackupLink link, out string error)
    {
        link = null!;
        var text = entry?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = "is empty";
            return false;
        }

        var split = text.LastIndexOfAny([' ', '\t']);
        var address = split < 0 ? text : text[(split + 1)..];
        var label = split < 0 ? string.Empty : text[..split].Trim();
        if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp && url.Scheme != "tg"))
        {
            error = $"'{Shorten(address)}' is not an http(s) or tg: address (write \"label https://…\")";
            return false;
        }

        link = new BackupLink(label.Length == 0 ? (url.IsAbsoluteUri && url.Host.Length > 0 ? url.Host : address) : label, url);
        error = string.Empty;
        return true;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
