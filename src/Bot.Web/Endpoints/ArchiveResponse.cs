using System.Text;
using Microsoft.AspNetCore.Http;

namespace Bot.Web.Endpoints;

/// <summary>
/// A page, feed or file of the archive with the headers every one of them carries: a strict Content-Security-Policy
/// (nothing runs, nothing loads from elsewhere), no MIME sniffing, and caching that suits what it is.
/// </summary>
public sealed class ArchiveResponse(int status, string contentType, string body, string cacheControl, string? language = null) : IResult
{
    /// <summary>Pages load only their own stylesheet, icon and media; forms post only here; no scripts, frames or plugins.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public const string PageCache = "public, max-age=60";
    public const string ErrorCache = "no-cache";
    public const string AssetCache = "public, max-age=31536000, immutable";

    public int Status => status;

    public static void SecurityHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        response.Headers.XFrameOptions = "DENY";
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.Headers.CacheControl = cacheControl;
        SecurityHeaders(response);
        if (language is not null)
        {
            response.Headers.ContentLanguage = language;
            response.Headers.Vary = "Accept-Language";
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
        }
    }
}
