using Bot.Core.Articles;
using Bot.Core.Commands;
using Bot.Discord.Models;

namespace Bot.Discord.Interactions;

/// <summary>
/// Suggests tags while the user types, as the option's descriptor asks: for tags the last word is
/// completed to a tag; for a search query the typed text itself comes first, then the last word turned
/// into a tag: filter.
/// </summary>
public sealed class TagAutocomplete(IArticleStore store)
{
    private const int MaxChoices = 25;
    private const int MaxLength = 100;

    public async Task<IReadOnlyList<AutocompleteChoice>> SuggestAsync(OptionSuggestions kind, string typed, CancellationToken ct)
    {
        if (kind == OptionSuggestions.None)
        {
            return [];
        }

        var tags = await store.TagsAsync(ct);
        var words = typed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var endsWithSpace = typed.EndsWith(' ');
        var last = words.Length == 0 || endsWithSpace ? string.Empty : words[^1];
        var before = string.Join(' ', endsWithSpace ? words : words.SkipLast(1));
        var choices = new List<AutocompleteChoice>();
        if (kind == OptionSuggestions.SearchQuery)
        {
            if (typed.Trim().Length > 0)
            {
                Add(choices, typed.Trim());
            }

            var isTagFilter = last.StartsWith("tag:", StringComparison.OrdinalIgnoreCase);
            var stem = isTagFilter ? last[4..] : last;
            foreach (var tag in Matching(tags, stem))
            {
                Add(choices, Join(before, "tag:" + tag));
            }
        }
        else
        {
            foreach (var tag in Matching(tags, last).Where(tag => !words.Contains(tag, StringComparer.OrdinalIgnoreCase) || tag == last))
            {
                Add(choices, Join(before, tag));
            }
        }

        return choices;
    }

    private static IEnumerable<string> Matching(IReadOnlyList<TagCount> tags, string stem) =>
        tags.Where(t => stem.Length == 0 || t.Tag.Contains(stem, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Tag.StartsWith(stem, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenByDescending(t => t.Count)
            .Select(t => t.Tag);

    private static string Join(string before, string word) => before.Length == 0 ? word : before + " " + word;

    private static void Add(List<AutocompleteChoice> choices, string value)
    {
        if (choices.Count >= MaxChoices || value.Length is 0 or > MaxLength || choices.Any(c => c.Value == value))
        {
            return;
        }

        choices.Add(new AutocompleteChoice(value, value));
    }
}
