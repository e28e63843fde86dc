using Blacklist.Core.Addresses;
using Blacklist.Core.Parsing.Csv;
using Blacklist.Core.Parsing.Json;
using Blacklist.Core.Parsing.Lists;
using Blacklist.Core.Parsing.Text;

namespace Blacklist.Core.Parsing;

/// <summary>Creates the parser for a format name, and reads a feed's ranges alone on a fast path.</summary>
public static class FeedParsers
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["plain"] = "plain",
        ["list"] = "plain",
        ["txt"] = "plain",
        ["ipsum"] = "ipsum",
        ["spamhaus-drop"] = "spamhaus-drop",
        ["spamhaus-drop-json"] = "spamhaus-drop-json",
        ["firehol"] = "firehol",
        ["netset"] = "firehol",
        ["ipset"] = "firehol",
        ["csv"] = "csv",
        ["feodo"] = "feodo",
    };

    /// <summary>The canonical format names (aliases: list, txt → plain; netset, ipset → firehol).</summary>
    public static IReadOnlyList<string> Formats { get; } = ["plain", "ipsum", "spamhaus-drop", "spamhaus-drop-json", "firehol", "csv", "feodo"];

    /// <summary>The canonical name of a format or alias; <see cref="ArgumentException"/> naming the known formats otherwise.</summary>
    public static string CanonicalFormat(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return Aliases.TryGetValue(format.Trim(), out var canonical)
            ? canonical
            : throw new ArgumentException($"Unknown feed format '{format}'; known formats: {string.Join(", ", Formats)} (aliases: list, txt, netset, ipset).", nameof(format));
    }

    /// <summary>
    /// The parser for <paramref name="settings"/>. Throws <see cref="ArgumentException"/> for an
    /// unknown format, encoding or time zone, or a CSV mapping that cannot work.
    /// </summary>
    public static IFeedParser Create(FeedParserSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var format = CanonicalFormat(settings.Format);
        var encoding = FeedEncodings.Resolve(settings.Encoding);
        return format switch
        {
            "plain" => new PlainListParser(encoding),
            "ipsum" => new IpsumParser(encoding),
            "spamhaus-drop" => new SpamhausDropParser(encoding),
            "spamhaus-drop-json" => new SpamhausDropJsonParser(encoding),
            "firehol" => new FireHolParser(encoding),
            "feodo" => new CsvFeedParser(encoding, FeodoTracker.Options),
            _ => new CsvFeedParser(encoding, CsvOptions(settings)),
        };
    }

    private static CsvFeedOptions CsvOptions(FeedParserSettings settings)
    {
        if (settings.Delimiter is '"' or '\r' or '\n' or > (char)127)
        {
            throw new ArgumentException($"CSV delimiter '{settings.Delimiter}' cannot be used; choose an ASCII character other than a quote or a line break (',', ';', '\\t', '|').", nameof(settings));
        }

        var columns = settings.Columns ?? new CsvColumnMapping();
        if (!settings.HasHeader && CsvColumns.Resolve(columns, null, out var error) is null)
        {
            throw new ArgumentException($"CSV settings: {error}", nameof(settings));
        }

        return new CsvFeedOptions(columns, (byte)settings.Delimiter, settings.HasHeader, FeedDates.ResolveTimeZone(settings.TimeZone));
    }

    /// <summary>
    /// Adds every range of a feed to <paramref name="builder"/>. Line formats (plain, ipsum, firehol,
    /// spamhaus-drop) are scanned as bytes with no allocation per line; others go through
    /// <see cref="IFeedParser.Parse"/>. Rejected lines and warnings go to <paramref name="onIssue"/>.
    /// </summary>
    public static void ReadRanges(Stream input, FeedParserSettings settings, IpSetBuilder builder, Action<ParseIssue>? onIssue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(builder);
        var parser = Create(settings);
        if (parser is AddressListParser list)
        {
            list.ReadRanges(input, builder, onIssue, cancellationToken);
            return;
        }

        foreach (var record in parser.Parse(input, cancellationToken))
        {
            if (record.Observation is { } observation)
            {
                builder.Add(observation.Range);
            }

            if (record.Issue is { } issue)
            {
                onIssue?.Invoke(issue);
            }
        }
    }
}
