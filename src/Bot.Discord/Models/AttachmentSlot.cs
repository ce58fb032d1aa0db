namespace Bot.Discord.Models;

/// <summary>An entry of a message's <c>attachments</c>: a file uploaded as the <c>files[Id]</c> part, named <paramref name="Filename"/>.</summary>
public sealed record AttachmentSlot(int Id, string Filename);
