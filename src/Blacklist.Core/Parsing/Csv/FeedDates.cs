using System.Globalization;

namespace Blacklist.Core.Parsing.Csv;

/// <summary>
/// Reads the date forms feeds use (yyyy-MM-dd, yyyyMMdd, yyyy.MM.dd, yyyy/MM/dd, optionally with a
/// time and an offset). A date without an offset is taken in the feed's time zone; a date without
/// a time is the start of that day (so a release date of 2026-10-30 ends the entry as that day begins).
/// </summary>
internal static class FeedDates
{
    public const string Forms = "yyyy-MM-dd, yyyyMMdd, yyyy.MM.dd or yyyy/MM/dd, optionally followed by a time (HH:mm[:ss]) and an offset";

    private static readonly string[] LocalFormats = Combine(string.Empty);
    private static readonly string[] OffsetFormats = Combine("K");

    /// <summary>The time zone for an IANA id; <see cref="ArgumentException"/> when this machine does not know it.</summary>
    public static TimeZoneInfo ResolveTimeZone(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Trim().Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"Unknown time zone '{id}'; use an IANA id such as UTC or Asia/Seoul.", nameof(id), e);
        }
    }

    public static bool TryParse(string text, TimeZoneInfo zone, out DateTimeOffset value)
    {
        var normal = Normalise(text.Trim());
        if (DateTime.TryParseExact(normal, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = new DateTimeOffset(local, zone.GetUtcOffset(local));
            return true;
        }

        return DateTimeOffset.TryParseExact(normal, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>Rewrites the date part to yyyy-MM-dd so one set of formats covers every separator.</summary>
    private static string Normalise(string text)
    {
        if (text.Length >= 8 && IsDigits(text.AsSpan(0, 8)) && (text.Length == 8 || text[8] is ' ' or 'T'))
        {
            return $"{text[..4]}-{text[4..6]}-{text[6..]}";
        }

        if (text.Length >= 10 && text[4] is '.' or '/' && text[7] == text[4])
        {
            return $"{text[..4]}-{text[5..7]}-{text[8..]}";
        }

        return text;
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    private static string[] Combine(string offset)
    {
        string[] times = [string.Empty, " HH:mm", " HH:mm:ss", " HH:mm:ss.FFFFFFF", "'T'HH:mm", "'T'HH:mm:ss", "'T'HH:mm:ss.FFFFFFF"];
        return [.. times.Where(time => offset.Length == 0 || time.Length > 0).Select(time => $"yyyy-MM-dd{time}{offset}")];
    }
}
