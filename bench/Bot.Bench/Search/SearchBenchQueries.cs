namespace Bot.Bench.Search;

/// <summary>One timed query; <see cref="Terms"/> are what the LIKE and trigram baselines look for (all must match).</summary>
internal sealed record SearchBenchQuery(string Class, string Text, IReadOnlyList<string> Terms);

/// <summary>A fixed mixed set: 1–4 character Chinese terms rare and common, Latin, mixed, several terms, exclusions, filters.</summary>
internal static class SearchBenchQueries
{
    public static IReadOnlyList<SearchBenchQuery> All { get; } =
    [
        new("cjk1", "朝", ["朝"]),
        new("cjk1", "京", ["京"]),
        new("cjk2-rare", "普京", ["普京"]),
        new("cjk2-rare", "朝鲜", ["朝鲜"]),
        new("cjk2-rare", "核武", ["核武"]),
        new("cjk2-common", "中国", ["中国"]),
        new("cjk2-common", "政府", ["政府"]),
        new("cjk2-common", "武汉", ["武汉"]),
        new("cjk3", "俄罗斯", ["俄罗斯"]),
        new("cjk3", "共产党", ["共产党"]),
        new("cjk3", "习近平", ["习近平"]),
        new("cjk4", "新冠肺炎", ["新冠肺炎"]),
        new("cjk4", "人民日报", ["人民日报"]),
        new("cjk4", "北京驱逐", ["北京驱逐"]),
        new("latin", "meto", ["meto"]),
        new("latin", "WeChat", ["wechat"]),
        new("latin", "china", ["china"]),
        new("mixed", "2018年", ["2018年"]),
        new("and", "香港 疫情", ["香港", "疫情"]),
        new("and", "中国 政府", ["中国", "政府"]),
        new("exclude", "中国 -政府", ["中国"]),
        new("filter", "朝鲜 since:2019-01-01", ["朝鲜"]),
        new("filter", "中国 until:2018-12-31", ["中国"]),
        new("filter", "疫情 tag:新冠肺炎", ["疫情"]),
    ];
}
