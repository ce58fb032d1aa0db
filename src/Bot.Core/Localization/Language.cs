namespace Bot.Core.Localization;

public enum Language
{
    English,
    Chinese,
}

public static class Languages
{
    /// <summary>Chinese for any zh-* tag (Telegram language_code "zh-hans", Discord locale "zh-CN"/"zh-TW"), English otherwise.</summary>
    public static Language FromTag(string? tag) =>
        tag is not null && tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Language.Chinese : Language.English;
}
