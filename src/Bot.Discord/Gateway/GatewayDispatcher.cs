using System.Text.Json;
using Bot.Core.Chat;
using Bot.Core.Subscriptions;
using Bot.Discord.Interactions;
using Bot.Discord.Models;
using Bot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>Handles the dispatch events the bot cares about; <see cref="GatewayEventHandlers"/> runs them off the receive loop.</summary>
public sealed class GatewayDispatcher(
    InteractionHandler interactions,
    IDiscordRestClient rest,
    IServiceScopeFactory scopes,
    ILogger<GatewayDispatcher> logger) : IGatewayDispatcher
{
    public Task DispatchAsync(string eventName, JsonElement data, DateTimeOffset receivedAt, CancellationToken ct) => eventName switch
    {
        "INTERACTION_CREATE" => OnInteractionAsync(data, receivedAt, ct),
        "CHANNEL_DELETE" or "THREAD_DELETE" => OnChannelDeletedAsync(data, ct),
        "GUILD_DELETE" => OnGuildDeletedAsync(data),
        _ => Task.CompletedTask,
    };

    private Task OnInteractionAsync(JsonElement data, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var interaction = data.Deserialize<Interaction>(DiscordJson.Options) is { } read ? read with { ReceivedAt = receivedAt } : null;
        if (interaction is null)
        {
            return Task.CompletedTask;
        }

        return interactions.HandleAsync(
            interaction,
            (response, token) => rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, token),
            ct);
    }

    private async Task OnChannelDeletedAsync(JsonElement data, CancellationToken ct)
    {
        if (!data.TryGetProperty("id", out var id) || id.GetString() is not { } channelId)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ISubscriptionService>() is { } subscriptions)
        {
            var chat = new ChatRef(Platform.Discord, channelId, ChatKind.DiscordChannel);
            if (await subscriptions.UnsubscribeAsync(chat, SubscriptionFilter.Everything, ct))
            {
                logger.LogInformation("Discord channel {ChannelId} was deleted: its subscription is removed", channelId);
            }
        }
    }

    private Task OnGuildDeletedAsync(JsonElement data)
    {
        // unavailable=true is an outage, not a removal. Subscriptions in a guild that removed the bot are
        // deactivated by the delivery itself (Missing Access), since they do not record their guild.
        if (!(data.TryGetProperty("unavailable", out var unavailable) && unavailable.ValueKind == JsonValueKind.True))
        {
            logger.LogInformation("The bot was removed from Discord guild {GuildId}", data.TryGetProperty("id", out var id) ? id.GetString() : null);
        }

        return Task.CompletedTask;
    }
}
