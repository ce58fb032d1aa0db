using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Bot.Web.Endpoints;

/// <summary>Kestrel limits the archive needs.</summary>
public static class RequestLimits
{
    /// <summary>
    /// A reader's search can be 10,000 CJK characters, 90 KB once percent-encoded: it must reach the archive
    /// and get its 400 page, not Kestrel's bare 414. Headers stay bounded.
    /// </summary>
    public static void Apply(KestrelServerOptions options)
    {
        options.Limits.MaxRequestLineSize = 128 * 1024;
        options.Limits.MaxRequestHeadersTotalSize = 160 * 1024;
    }
}
