using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Telegram;

/// <summary>A Bot API call's parameters, from a query string, a form or a JSON body, as Telegram accepts all three.</summary>
public sealed class FakeRequest
{
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);

    private FakeRequest(string method, string url)
    {
        Method = method;
        Url = url;
    }

    public string Method { get; }

    /// <summary>The whole URL as called, token included.</summary>
    public string Url { get; }

    public static async Task<FakeRequest> ReadAsync(string method, HttpRequest request, CancellationToken ct)
    {
        var result = new FakeRequest(method, $"{request.Scheme}://{request.Host}{request.Path}");
        foreach (var (key, value) in request.Query)
        {
            result._values[key] = JsonSerializer.SerializeToElement(value.ToString());
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var (key, value) in form)
            {
                result._values[key] = JsonSerializer.SerializeToElement(value.ToString());
            }
        }
        else
        {
            // Bodies may come chunked (no Content-Length), and an empty one means no parameters.
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            if (buffer.Length == 0)
            {
                return result;
            }

            buffer.Position = 0;
            using var document = await JsonDocument.ParseAsync(buffer, cancellationToken: ct);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    result._values[property.Name] = property.Value.Clone();
                }
            }
        }

        return result;
    }

    public JsonElement Raw => JsonSerializer.SerializeToElement(_values);

    public bool Has(string name) => _values.TryGetValue(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public string? Text(string name) => _values.TryGetValue(name, out var v)
        ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Null => null,
            _ => v.GetRawText(),
        }
        : null;

    public long? Number(string name) =>
        long.TryParse(Text(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    public bool Flag(string name) => Text(name) is "true" or "True" or "1";

    /// <summary>A JSON-valued parameter (reply_markup, results…), which forms send as a JSON string.</summary>
    public JsonElement? Json(string name)
    {
        if (!_values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? JsonDocument.Parse(value.GetString()!).RootElement.Clone() : value;
    }
}
