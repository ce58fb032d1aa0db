namespace Bot.Telegram.Api.Types;

/// <param name="Status">"creator", "administrator", "member", "restricted", "left" or "kicked".</param>
public sealed record ChatMember(string Status, User User, bool? CanPostMessages = null, bool? CanManageChat = null)
{
    public bool IsAdmin => Status is "creator" or "administrator";

    public bool IsPresent => Status is "creator" or "administrator" or "member" or "restricted";
}
