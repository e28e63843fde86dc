using System.Globalization;
using Blacklist.Core.Parsing;
using Microsoft.Extensions.Configuration;

namespace Blacklist.Collectors.Feeds;

/// <summary>
/// The settings an "http" or "file" source reads from Blacklist:Sources:{name}: where the feed
/// is, how to parse it, and how much of it to accept. Read by hand rather than bound, so that
/// every bad value is reported with its full setting path, all at once.
/// </summary>
public sealed record FeedSourceSettings
{
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public Uri? Url { get; init; }

    public string? Path { get; init; }

    public FeedParserSettings Parser { get; init; } = new("plain");

    /// <summary>Largest accepted body after decompression; the download stops there.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>The whole fetch (all attempts and the body) must finish within this.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Reads the section; problems are added to <paramref name="errors"/> as "path: what to fix".</summary>
    public static FeedSourceSettings Read(IConfigurationSection section, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(errors);
        var parser = new FeedParserSettings(section["Format"] ?? "plain")
        {
            Encoding = section["Encoding"] ?? "utf-8",
            TimeZone = section["TimeZone"] ?? "UTC",
            Delimiter = ReadDelimiter(section, errors),
            HasHeader = ReadBool(section, "HasHeader", true, errors),
            Columns = ReadColumns(section.GetSection("Columns")),
        };
        try
        {
            FeedParsers.Create(parser);
        }
        catch (ArgumentException e)
        {
            errors.Add($"{section.Path}:Format: {e.Message}");
        }

        return new FeedSourceSettings
        {
            Url = ReadUrl(section, errors),
            Path = string.IsNullOrWhiteSpace(section["Path"]) ? null : section["Path"]!.Trim(),
            Parser = parser,
            MaxBytes = ReadMaxBytes(section, errors),
            Timeout = ReadTimeout(section, errors),
        };
    }

    /// <summary>Reads settings a validated configuration already vouched for; a problem here is a bug or a changed file.</summary>
    public static FeedSourceSettings ReadValid(IConfigurationSection section)
    {
        var errors = new List<string>();
        var settings = Read(section, errors);
        return errors.Count == 0
            ? settings
            : throw new Abstractions.CollectionException(Abstractions.CollectionFailure.Other, $"the source's settings are invalid: {string.Join("; ", errors)}");
    }

    private static Uri? ReadUrl(IConfigurationSection section, ICollection<string> errors)
    {
        var text = section["Url"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        errors.Add($"{section.Path}:Url: '{text}' is not an absolute http:// or https:// address");
        return null;
    }

    private static char ReadDelimiter(IConfigurationSection section, ICollection<string> errors)
    {
        var text = section["Delimiter"];
        switch (text)
        {
            case null or "":
                return ',';
            case "\\t" or "tab":
                return '\t';
            case { Length: 1 }:
                return text[0];
            default:
                errors.Add($"{section.Path}:Delimiter: '{text}' must be one character (or \"tab\")");
                return ',';
        }
    }

    private static bool ReadBool(IConfigurationSection section, string key, bool fallback, ICollection<string> errors)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add($"{section.Path}:{key}: '{text}' is not true or false");
        return fallback;
    }

    private static CsvColumnMapping? ReadColumns(IConfigurationSection columns)
    {
        if (!columns.GetChildren().Any())
        {
            return null;
        }

        return new CsvColumnMapping
        {
            Address = columns["Address"] ?? "ip",
            Reason = columns["Reason"],
            Category = columns["Category"],
            Country = columns["Country"],
            DetectedAt = columns["DetectedAt"],
            ReleasedAt = columns["ReleasedAt"],
            Confidence = columns["Confidence"],
        };
    }

    private static long ReadMaxBytes(IConfigurationSection section, ICollection<string> errors)
    {
        var text = section["MaxBytes"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultMaxBytes;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        errors.Add($"{section.Path}:MaxBytes: '{text}' is not a positive number of bytes (e.g. 268435456 for 256 MiB)");
        return DefaultMaxBytes;
    }

    private static TimeSpan ReadTimeout(IConfigurationSection section, ICollection<string> errors)
    {
        var text = section["Timeout"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultTimeout;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        errors.Add($"{section.Path}:Timeout: '{text}' is not a positive duration (hh:mm:ss, e.g. \"00:05:00\")");
        return DefaultTimeout;
    }
}
