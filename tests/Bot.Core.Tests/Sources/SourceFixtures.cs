namespace Bot.Core.Tests.Sources;

/// <summary>The feeds and pages written for these tests (Sources/Fixtures), copied beside the test assembly.</summary>
internal static class SourceFixtures
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Sources", "Fixtures", name));

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sources", "Fixtures", name));
}
