using System.Text;
using Blacklist.Core.Addresses;
using Blacklist.Core.Parsing;

namespace Blacklist.Core.Tests.Parsing;

/// <summary>Runs parsers on strings and fixture files, and finds tests/data from any build output folder.</summary>
internal static class FeedSamples
{
    private static readonly Lazy<string> DataDirectory = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "data");
            if (File.Exists(Path.Combine(candidate, "ipsum-2026-08-22.txt")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/data not found above {AppContext.BaseDirectory}.");
    });

    /// <summary>CP949, the encoding of Korean sources' files (registering the provider is idempotent).</summary>
    public static Encoding Korean
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(949);
        }
    }

    public static string DataFile(string relativePath) => Path.Combine(DataDirectory.Value, relativePath);

    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    public static List<ParsedRecord> Parse(string format, string text) => Parse(new FeedParserSettings(format), Utf8(text));

    public static List<ParsedRecord> Parse(FeedParserSettings settings, Stream input)
        => [.. FeedParsers.Create(settings).Parse(input)];

    public static List<ParsedRecord> ParseFile(string format, string relativePath)
    {
        using var file = File.OpenRead(DataFile(relativePath));
        return Parse(new FeedParserSettings(format), file);
    }

    public static IEnumerable<ParseIssue> Rejections(this IEnumerable<ParsedRecord> records)
        => records.Select(r => r.Issue).OfType<ParseIssue>().Where(i => i.Kind == ParseIssueKind.Rejected);

    public static IEnumerable<ParseIssue> Warnings(this IEnumerable<ParsedRecord> records)
        => records.Select(r => r.Issue).OfType<ParseIssue>().Where(i => i.Kind == ParseIssueKind.Warning);

    public static List<string> Ranges(this IEnumerable<ParsedRecord> records)
        => [.. records.Select(r => r.Observation).OfType<Indicators.Observation>().Select(o => o.Range.ToString())];

    public static IpSet ToSet(this IEnumerable<ParsedRecord> records)
    {
        var builder = new IpSetBuilder();
        foreach (var observation in records.Select(r => r.Observation).OfType<Indicators.Observation>())
        {
            builder.Add(observation.Range);
        }

        return builder.Build();
    }

    /// <summary>The set's ranges as text, to compare two small sets with a readable failure.</summary>
    public static List<string> Describe(this IpSet set) => [.. set.Ranges().Select(r => r.ToString())];

    /// <summary>Compares two long sequences quickly, naming the first difference when they differ.</summary>
    public static void ShouldBeSequence<T>(this IReadOnlyList<T> actual, IReadOnlyList<T> expected)
    {
        var length = Math.Min(actual.Count, expected.Count);
        var first = Enumerable.Range(0, length).FirstOrDefault(i => !EqualityComparer<T>.Default.Equals(actual[i], expected[i]), -1);
        first.ShouldBe(-1, first < 0 ? null : $"item {first}: expected '{expected[first]}', got '{actual[first]}'");
        actual.Count.ShouldBe(expected.Count);
    }
}
