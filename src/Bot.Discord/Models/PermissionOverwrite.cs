namespace Bot.Discord.Models;

/// <param name="Type">0 for a role, 1 for a member.</param>
public sealed record PermissionOverwrite(string Id, int Type, string Allow, string Deny);
