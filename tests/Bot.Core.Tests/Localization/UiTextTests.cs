using System.Reflection;
using Bot.Core.Articles;
using Bot.Core.Localization;
using Bot.Core.Rendering;
using Bot.Core.Search;
using Bot.Core.Subscriptions;

namespace Bot.Core.Tests.Localization;

/// <summary>UiText takes raw values and escapes them itself, and says everything in both languages.</summary>
public sealed class UiTextTests
{
    private const string Hostile = "*x_<b>[y](z)*";

    public static TheoryData<string> Both => new() { "en", "zh" };

    [Theory]
    [MemberData(nameof(Both))]
    public void EverySentenceWithAText_EscapesIt(string language)
    {
        var text = UiText.For(language);
        var tested = new List<string>();
        foreach (var method in typeof(UiText).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Where(m => m.ReturnType == typeof(string) && !m.IsSpecialName))
        {
            var parameters = method.GetParameters();
            if (!parameters.Any(p => Carries(p.ParameterType)) || !parameters.All(p => Supported(p.ParameterType)))
            {
                continue;
            }

            var result = (string)method.Invoke(method.IsStatic ? null : text, [.. parameters.Select(p => Value(p.ParameterType))])!;
            Assert.DoesNotContain(Hostile, result, StringComparison.Ordinal);
            Assert.Contains(MarkdownText.Escape(Hostile), result, StringComparison.Ordinal);
            tested.Add(method.Name);
        }

        // The sentences that carry titles, tags, file names, queries and filters are among those checked.
        Assert.Superset(
            new HashSet<string> { "UnknownCommand", "Subscribed", "SubscribedOther", "SubscriptionStatus", "SearchNoResults", "SearchHeader", "PostBadType", "Preview", "BadTime", "ArticleStats", "ArticleLine", "Filter", "NotInFilter" },
            tested.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Hit_EscapesTheSnippetAndBoldsOnlyTheMatch(string language)
    {
        var hit = new SearchHit(3, "<t>", "a*b 朝鲜 c_d", [new Highlight(4, 2)], 1, null);

        var line = UiText.For(language).Hit(hit);

        Assert.Contains(@"a\*b **朝鲜** c\_d", line, StringComparison.Ordinal);
        Assert.Contains(@"\<t\>", line, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchProblems_AreSaidInEachLanguage_AndTooLongIsNotAFilterProblem()
    {
        foreach (var kind in Enum.GetValues<SearchProblemKind>())
        {
            var problem = new SearchProblem(kind, 500, "since", "yesterday");
            var english = UiText.English.SearchProblem(problem);
            var chinese = UiText.Chinese.SearchProblem(problem);

            Assert.DoesNotContain(english, c => c >= '\u4e00' && c <= '\u9fff' && !"朝鲜倪刃".Contains(c, StringComparison.Ordinal));
            Assert.Contains(chinese, c => c >= '\u4e00' && c <= '\u9fff');
            Assert.DoesNotMatch("[A-Za-z]{4,}", chinese.Replace("yesterday", string.Empty, StringComparison.Ordinal).Replace("since", string.Empty, StringComparison.Ordinal).Replace("until", string.Empty, StringComparison.Ordinal).Replace("search", string.Empty, StringComparison.Ordinal));
        }

        var tooLong = UiText.English.SearchProblem(new SearchProblem(SearchProblemKind.QueryTooLong, 500));
        Assert.Contains("500", tooLong, StringComparison.Ordinal);
        Assert.DoesNotContain("filter", tooLong, StringComparison.OrdinalIgnoreCase);
    }

    private static bool Carries(Type type) => type == typeof(string) || type == typeof(SubscriptionFilter) || type == typeof(IReadOnlyList<string>);

    private static bool Supported(Type type) =>
        Carries(type) || type == typeof(long) || type == typeof(int) || type == typeof(bool) || type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?);

    private static object? Value(Type type) =>
        type == typeof(string) ? Hostile
        : type == typeof(SubscriptionFilter) ? new SubscriptionFilter([Hostile], [], [])
        : type == typeof(IReadOnlyList<string>) ? new[] { Hostile }
        : type == typeof(long) ? 7L
        : type == typeof(int) ? 3
        : type == typeof(bool) ? false
        : type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?) ? new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)
        : null;

    [Fact]
    public void EveryFileProblem_IsSaidInChinese_AndEscaped()
    {
        foreach (var kind in Enum.GetValues<ParseProblemKind>())
        {
            var problem = new ParseProblem(kind, 3, "*bad* [yaml]", 10);

            var zh = UiText.Chinese.PostParseFailed(problem);
            var en = UiText.English.PostParseFailed(problem);

            Assert.NotEqual(en, zh);
            Assert.Contains(MarkdownText.Escape(problem.English), en, StringComparison.Ordinal);
            Assert.DoesNotContain("*bad*", zh, StringComparison.Ordinal);
            Assert.DoesNotContain(MarkdownText.Escape(problem.English), zh, StringComparison.Ordinal);
            Assert.False(zh.Contains(kind.ToString(), StringComparison.Ordinal), $"{kind} has no Chinese sentence: {zh}");
        }
    }
}
