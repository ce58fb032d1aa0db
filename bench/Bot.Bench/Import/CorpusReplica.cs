using System.Text;
using Bot.Testing;

namespace Bot.Bench.Import;

/// <summary>
/// Writes the shared corpus and seeds again and again under r000/, r001/… until there are <c>count</c>
/// files, each copy slightly different (an HTML comment or a trailing line) so every hash is new.
/// </summary>
internal static class CorpusReplica
{
    public static long Write(string folder, int count)
    {
        var originals = Directory.GetFiles(SharedData.CorpusDir)
            .Concat(Directory.GetFiles(SharedData.SeedsDir))
            .Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f)))
            .ToList();
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var round = i / originals.Count;
            var (name, content) = originals[i % originals.Count];
            var marker = name.EndsWith(".txt", StringComparison.Ordinal) ? $"\n（第 {round} 份）" : $"\n\n<!-- replica {round} -->\n";
            var path = Path.Combine(folder, $"r{round:D3}", name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = File.Create(path);
            stream.Write(content);
            stream.Write(Encoding.UTF8.GetBytes(marker));
            bytes += stream.Length;
        }

        return bytes;
    }
}
