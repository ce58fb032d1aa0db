using Bot.Core.Articles;
using Bot.Core.Localization;

namespace Bot.Core.Tests.Commands.Handlers;

public sealed class TagsHandlerTests : IAsyncLifetime
{
    private ChatBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChatBotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Tags_NoneYet_SaysSo_AndDraftsDoNotCount()
    {
        await _bot.DraftAsync("---\ntitle: 草稿\ntags: [朝鲜]\n---\n\n正文。");

        Assert.Equal(UiText.Chinese.NoTags, ChatBotHarness.TextOf(await _bot.SendAsync("/tags", user: ChatBotHarness.User(language: "zh-hans"))));
    }

    [Fact]
    public async Task Tags_AreListedMostUsedFirst_ThenByName_WithTheirCounts()
    {
        await _bot.PublishAsync("---\ntitle: 一\ntags: [外交, 朝鲜]\n---\n\n正文。");
        await _bot.PublishAsync("---\ntitle: 二\ntags: [朝鲜]\n---\n\n正文。");
        await _bot.PublishAsync("---\ntitle: 三\ntags: [MeToo]\n---\n\n正文。");
        await _bot.DraftAsync("---\ntitle: 草稿\ntags: [外交, 外交草稿]\n---\n\n正文。");

        var text = ChatBotHarness.TextOf(await _bot.SendAsync("/tags"));

        Assert.Equal(UiText.English.TagsHeader + "\n" + UiText.TagCounts([new TagCount("朝鲜", 2), new TagCount("MeToo", 1), new TagCount("外交", 1)]), text);
    }
}
