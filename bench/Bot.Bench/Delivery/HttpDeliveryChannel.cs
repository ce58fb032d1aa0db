using System.Text.Json;
using Bot.Core.Articles;
using Bot.Core.Chat;
using Bot.Core.Delivery;

namespace Bot.Bench.Delivery;

/// <summary>The bench's adapter for <see cref="TelegramLimitsFake"/>: one POST per part, 429 mapped to RateLimited.</summary>
internal sealed class HttpDeliveryChannel(HttpClient http, int expected) : IDeliveryChannel
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sent;

    public Task Done => _done.Task;

    public int Sent => Volatile.Read(ref _sent);

    public Platform Platform => Platform.Telegram;

    public int CountParts(Article article) => 1;

    public async Task<SendOutcome> SendPartAsync(DeliveryTarget target, Article article, int partIndex, CancellationToken ct)
    {
        using var response = await http.PostAsync(new Uri($"send/{target.ChatId}", UriKind.Relative), null, ct);
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        if ((int)response.StatusCode == 429)
        {
            return new SendOutcome.RateLimited(TimeSpan.FromSeconds(json.RootElement.GetProperty("parameters").GetProperty("retry_after").GetInt32()));
        }

        if (!response.IsSuccessStatusCode)
        {
            return new SendOutcome.Transient($"HTTP {(int)response.StatusCode}");
        }

        if (Interlocked.Increment(ref _sent) >= expected)
        {
            _done.TrySetResult();
        }

        return new SendOutcome.Sent([json.RootElement.GetProperty("result").GetProperty("message_id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    public Task<SendOutcome> DeleteAsync(DeliveryTarget target, string messageId, CancellationToken ct) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Sent([]));
}
