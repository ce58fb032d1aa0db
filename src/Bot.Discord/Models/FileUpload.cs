namespace Bot.Discord.Models;

/// <summary>A file sent with a message as a <c>files[n]</c> part of a multipart/form-data body.</summary>
public sealed record FileUpload(string Filename, string ContentType, byte[] Bytes);
