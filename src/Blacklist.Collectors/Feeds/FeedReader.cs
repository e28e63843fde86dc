using System.Globalization;
using Blacklist.Collectors.Abstractions;
using Blacklist.Core.Indicators;
using Blacklist.Core.Parsing;

namespace Blacklist.Collectors.Feeds;

/// <summary>Parses a feed stream into <see cref="CollectedData"/>, counting lines and bytes and giving up early on garbage.</summary>
internal static class FeedReader
{
    /// <summary>After this many rejected lines without a single address, the input is not this format at all.</summary>
    public const int GarbageThreshold = 1000;

    private const int KeptWarnings = 1000;

    public static CollectedData Read(Stream input, FeedSourceSettings settings, string describedAs, CancellationToken cancellationToken)
    {
        var parser = FeedParsers.Create(settings.Parser);
        using var counting = new CountingStream(input, settings.MaxBytes);
        var observations = new List<Observation>();
        var issues = new List<ParseIssue>();
        var rejected = 0;
        var warnings = 0;
        try
        {
            foreach (var record in parser.Parse(counting, cancellationToken))
            {
                if (record.Observation is { } observation)
                {
                    observations.Add(observation);
                }

                if (record.Issue is not { } issue)
                {
                    continue;
                }

                if (issue.Kind == ParseIssueKind.Rejected)
                {
                    rejected++;
                    issues.Add(issue);
                    if (rejected >= GarbageThreshold && observations.Count == 0)
                    {
                        throw Garbage(describedAs, settings, issues[0]);
                    }
                }
                else if (++warnings <= KeptWarnings)
                {
                    issues.Add(issue);
                }
            }
        }
        catch (FeedTooLargeException e)
        {
            throw TooLarge(describedAs, e.MaxBytes, e);
        }

        return new CollectedData(observations, issues) { Fetched = counting.Lines, Bytes = counting.Bytes };
    }

    public static CollectionException TooLarge(string describedAs, long maxBytes, Exception? inner = null)
        => new(
            CollectionFailure.TooLarge,
            string.Create(CultureInfo.InvariantCulture, $"{describedAs} is larger than the {maxBytes} bytes allowed; raise the source's MaxBytes setting if the feed really is this big"),
            inner);

    private static CollectionException Garbage(string describedAs, FeedSourceSettings settings, ParseIssue first)
        => new(
            CollectionFailure.Unparseable,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{describedAs} does not look like a '{settings.Parser.Format}' feed: its first {GarbageThreshold} lines held no address (first problem: {first}); check the URL and the source's Format setting"));
}
