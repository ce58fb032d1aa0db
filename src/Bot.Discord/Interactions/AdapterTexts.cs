using Bot.Core.Localization;

namespace Bot.Discord.Interactions;

/// <summary>The few texts the adapter itself answers (everything else comes from Core), in zh and en.</summary>
public static class AdapterTexts
{
    public static string WrongFileType(Language language, string fileName) => language == Language.Chinese
        ? $"只能发布 .md 或 .txt 文件，而不是 `{Safe(fileName)}`。"
        : $"Only .md or .txt files can be posted, not `{Safe(fileName)}`.";

    public static string FileTooLarge(Language language, long maxBytes) => language == Language.Chinese
        ? $"文件太大：最大 {maxBytes / (1024 * 1024)} MB。"
        : $"The file is too large: at most {maxBytes / (1024 * 1024)} MB.";

    public static string Failed(Language language) => language == Language.Chinese
        ? "出错了，请稍后再试。"
        : "Something went wrong; please try again later.";

    public static string Done(Language language) => language == Language.Chinese ? "完成。" : "Done.";

    public static string ModalTitle(Language language) => language == Language.Chinese ? "发布新文章" : "Post a new article";

    public static string ModalTitleField(Language language) => language == Language.Chinese ? "标题" : "Title";

    public static string ModalBodyField(Language language) => language == Language.Chinese ? "正文（Markdown）" : "Text (Markdown)";

    // File names go inside inline code: backticks would end it.
    private static string Safe(string fileName) => fileName.Replace('`', '\'');
}
