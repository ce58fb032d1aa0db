using System.Text.Json;
using Bot.Discord.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Interactions;

/// <summary>
/// POST /discord/interactions: verifies the signature (401 otherwise), answers PING with PONG, and
/// returns the initial response as the HTTP body while deferred work continues in the background.
/// </summary>
public sealed class HttpInteractionEndpoint(
    InteractionSignature signature,
    InteractionHandler handler,
    IHostApplicationLifetime lifetime,
    ILogger<HttpInteractionEndpoint> logger)
{
    private const int MaxBody = 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        if (context.Request.ContentLength > MaxBody)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBody)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var body = buffer.ToArray();
        if (!signature.Verify(context.Request.Headers["X-Signature-Ed25519"], context.Request.Headers["X-Signature-Timestamp"], body))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize<Interaction>(body, DiscordJson.Options);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Unreadable Discord interaction");
            interaction = null;
        }

        if (interaction is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var initial = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            // The handler outlives this request when it defers, so it runs on the application's lifetime;
            // its follow-ups wait until Discord has this response, or they would precede it.
            var work = handler.HandleAsync(
                interaction,
                async (response, token) =>
                {
                    initial.TrySetResult(response);
                    await sent.Task.WaitAsync(token);
                },
                lifetime.ApplicationStopping);
            if (await Task.WhenAny(initial.Task, work) != initial.Task)
            {
                // No answer (an unknown interaction type, or the handler failed): Discord shows its own error.
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(await initial.Task, DiscordJson.Options), ct);
            await context.Response.CompleteAsync();
        }
        finally
        {
            sent.TrySetResult();
        }
    }
}
