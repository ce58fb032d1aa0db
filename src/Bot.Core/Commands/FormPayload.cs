using System.Diagnostics.CodeAnalysis;

namespace Bot.Core.Commands;

/// <summary>"&lt;command&gt;:modal": the id of a <see cref="Reply.Form"/>, naming the command its submission goes to.</summary>
public sealed record FormPayload(string Command)
{
    private const string Suffix = ":modal";

    public static string Create(string command) => new FormPayload(command).Encode();

    public static bool TryParse(string? payload, [NotNullWhen(true)] out FormPayload? value)
    {
        value = null;
        if (payload is null || !payload.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return false;
        }

        var command = payload[..^Suffix.Length];
        if (command.Length == 0 || !command.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            return false;
        }

        value = new FormPayload(command);
        return true;
    }

    public string Encode() => Command + Suffix;

    /// <summary>The message an adapter passes to Core when the form is submitted.</summary>
    public string CommandText => "/" + Command;
}
