using System.Globalization;

namespace Blacklist.Collectors.Regtech;

/// <summary>
/// The Korean portals' dates: local Korean time (Asia/Seoul, UTC+9 without daylight saving since
/// 1988) written as <c>YYYY-MM-DD</c>, <c>YYYYMMDD</c>, <c>YYYY.MM.DD</c>, optionally with a time,
/// or as spreadsheet cells holding an Excel serial number or a date.
/// </summary>
internal static class KoreanDates
{
    private static readonly string[] TextFormats =
    [
        "yyyy-MM-dd", "yyyyMMdd", "yyyy.MM.dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy.M.d", "yyyy/M/d",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy.MM.dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss",
        "yyyyMMddHHmmss", "yyyy-MM-dd HH:mm:ss.fff",
    ];

    public static TimeZoneInfo Seoul { get; } = FindSeoul();

    /// <summary>Today's date in Korea.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Seoul).DateTime);

    /// <summary>Midnight of a Korean day as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => AtSeoul(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>A day given by a person: <c>YYYYMMDD</c> or <c>YYYY-MM-DD</c>.</summary>
    public static bool TryParseDay(string? text, out DateOnly day)
        => DateOnly.TryParseExact(text?.Trim(), ["yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>
    /// A spreadsheet cell or table text as a Korean local time. Numbers of eight digits are
    /// <c>YYYYMMDD</c>; other positive numbers are Excel serial days (1900 date system).
    /// </summary>
    public static bool TryParse(object? value, out DateTimeOffset instant)
    {
        instant = default;
        switch (value)
        {
            case null:
                return false;
            case DateTime dateTime:
                instant = AtSeoul(dateTime);
                return true;
            case DateTimeOffset offset:
                instant = offset;
                return true;
            case DateOnly day:
                instant = StartOf(day);
                return true;
            case double or float or decimal or int or long or short:
                return TryParseNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture), out instant);
            default:
                return TryParseText(Convert.ToString(value, CultureInfo.InvariantCulture), out instant);
        }
    }

    private static bool TryParseText(string? text, out DateTimeOffset instant)
    {
        instant = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (DateTime.TryParseExact(text, TextFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            instant = AtSeoul(local);
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && TryParseNumber(number, out instant);
    }

    private static bool TryParseNumber(double number, out DateTimeOffset instant)
    {
        instant = default;
        if (number is >= 19000101 and <= 29991231 && number == Math.Floor(number))
        {
            return TryParseText(((long)number).ToString(CultureInfo.InvariantCulture), out instant)
                && instant.Year >= 1900;
        }

        // 2958465 is 9999-12-31; serial 1 is 1900-01-01.
        if (number is >= 1 and < 2958466)
        {
            instant = AtSeoul(DateTime.FromOADate(number));
            return true;
        }

        return false;
    }

    private static DateTimeOffset AtSeoul(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Seoul.GetUtcOffset(unspecified));
    }

    private static TimeZoneInfo FindSeoul()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        }
        catch (TimeZoneNotFoundException)
        {
            // No tz database (a slim container): Korea has kept UTC+9 without daylight saving since 1988.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Seoul", TimeSpan.FromHours(9), "Korea Standard Time", "KST");
        }
    }
}
