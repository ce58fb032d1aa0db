using Bot.Core.Chat;
using Bot.Core.Commands;
using Bot.Core.Localization;
using Bot.Core.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class HelpHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private CommandCatalog Catalog => _bot.Services.GetRequiredService<CommandCatalog>();

    [Fact]
    public async Task Help_ForAReader_ListsEveryPublicCommand_InTheReadersLanguage()
    {
        var text = ChatBotHarness.TextOf(await _bot.SendAsync("/help", user: ChatBotHarness.User(language: "zh-hans")));

        var commands = Catalog.On(Platform.Telegram);
        Assert.All(commands.Where(c => !c.AdminOnly), c => Assert.Contains($"/{c.Name} — {MarkdownText.Escape(c.DescriptionZh)}\n", text, StringComparison.Ordinal));
        Assert.All(commands.Where(c => c.AdminOnly), c => Assert.DoesNotContain($"/{c.Name} — ", text, StringComparison.Ordinal));
        Assert.StartsWith(UiText.Chinese.HelpHeader + "\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(UiText.Chinese.HelpAdminHeader, text, StringComparison.Ordinal);
        Assert.EndsWith(MarkdownText.Escape(UiText.Chinese.HelpSearchSyntax), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ForAnAdmin_AddsTheAdminCommandsUnderTheirOwnHeader()
    {
        var text = ChatBotHarness.TextOf(await _bot.SendAsync("/help", user: ChatBotHarness.Admin()));

        var adminSection = text.IndexOf(UiText.English.HelpAdminHeader, StringComparison.Ordinal);
        Assert.True(adminSection > 0, text);
        Assert.All(Catalog.On(Platform.Telegram), c =>
        {
            var line = text.IndexOf($"/{c.Name} — {MarkdownText.Escape(c.DescriptionEn)}\n", StringComparison.Ordinal);
            Assert.True(line >= 0, $"/{c.Name} is missing");
            Assert.Equal(c.AdminOnly, line > adminSection);
        });
    }

    [Fact]
    public async Task Help_OnAnotherPlatform_LeavesOutCommandsThatDoNotExistThere()
    {
        var discord = new ChatRef(Platform.Discord, "900", ChatKind.Private);
        var user = new UserRef(Platform.Discord, "42", "reader", "en");

        var text = ChatBotHarness.TextOf(await _bot.SendAsync("/help", chat: discord, user: user));

        var telegramOnly = Catalog.All.Where(c => !c.IsOn(Platform.Discord)).ToList();
        Assert.NotEmpty(telegramOnly);
        Assert.All(telegramOnly, c => Assert.DoesNotContain($"/{c.Name} — ", text, StringComparison.Ordinal));
        Assert.Contains("/search — ", text, StringComparison.Ordinal);
    }
}
