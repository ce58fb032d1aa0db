namespace Bot.Discord.Models;

/// <param name="Data">A <see cref="MessagePayload"/>, <see cref="ModalData"/> or <see cref="AutocompleteData"/>; serialized by its runtime type.</param>
public sealed record InteractionResponse(InteractionCallbackType Type, object? Data = null)
{
    public static InteractionResponse Pong { get; } = new(InteractionCallbackType.Pong);
}
