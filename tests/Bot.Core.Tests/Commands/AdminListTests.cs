using Bot.Core.Chat;
using Bot.Core.Configuration;

namespace Bot.Core.Tests.Commands;

public sealed class AdminListTests
{
    [Fact]
    public void IsAdmin_ListedUsers_AndTheConsole()
    {
        var admins = new AdminList("telegram:123, discord:987654321987654321");

        Assert.True(admins.IsAdmin(new UserRef(Platform.Telegram, "123", null, null)));
        Assert.True(admins.IsAdmin(new UserRef(Platform.Discord, "987654321987654321", null, null)));
        Assert.True(admins.IsAdmin(new UserRef(Platform.Console, "local", null, null)));
        Assert.False(admins.IsAdmin(new UserRef(Platform.Discord, "123", null, null)));
        Assert.False(admins.IsAdmin(new UserRef(Platform.Telegram, "987654321987654321", null, null)));
    }

    [Theory]
    [InlineData("telegram123")]
    [InlineData("slack:1")]
    [InlineData("telegram:abc")]
    [InlineData("console:1")]
    [InlineData("telegram:")]
    public void TryParse_BadEntries_AreRefusedWithTheEntryNamed(string text)
    {
        Assert.False(AdminList.TryParse(text, out _, out var error));
        Assert.Contains(text.Split(':')[0], error, StringComparison.Ordinal);
    }
}
