using Blacklist.Core.Parsing.Csv;

namespace Blacklist.Core.Tests.Parsing.Csv;

public sealed class FeedDatesTests
{
    private static readonly TimeZoneInfo Seoul = FeedDates.ResolveTimeZone("Asia/Seoul");

    [Theory]
    [InlineData("2026-08-01", 2026, 8, 1, 0, 0, 0)]
    [InlineData("20260801", 2026, 8, 1, 0, 0, 0)]
    [InlineData("2026.08.01", 2026, 8, 1, 0, 0, 0)]
    [InlineData("2026/08/01", 2026, 8, 1, 0, 0, 0)]
    [InlineData("2026-08-01 13:45", 2026, 8, 1, 13, 45, 0)]
    [InlineData("2026.08.01 13:45:07", 2026, 8, 1, 13, 45, 7)]
    [InlineData("20260801 13:45:07", 2026, 8, 1, 13, 45, 7)]
    [InlineData(" 2026-08-01T13:45:07 ", 2026, 8, 1, 13, 45, 7)]
    public void Reads_dates_without_offset_in_the_feed_time_zone(string text, int year, int month, int day, int hour, int minute, int second)
    {
        FeedDates.TryParse(text, Seoul, out var value).ShouldBeTrue();

        value.ShouldBe(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(9)));
        value.Offset.ShouldBe(TimeSpan.FromHours(9));
    }

    [Theory]
    [InlineData("2026-08-01T13:45:07Z", 0)]
    [InlineData("2026-08-01T13:45:07+02:00", 2)]
    [InlineData("2026-08-01 13:45:07-05:00", -5)]
    public void Keeps_an_explicit_offset(string text, int hours)
    {
        FeedDates.TryParse(text, Seoul, out var value).ShouldBeTrue();

        value.ShouldBe(new DateTimeOffset(2026, 8, 1, 13, 45, 7, TimeSpan.FromHours(hours)));
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("01/08/2026")]
    [InlineData("yesterday")]
    [InlineData("2026-08-01 25:00")]
    public void Rejects_what_is_not_a_date(string text) => FeedDates.TryParse(text, TimeZoneInfo.Utc, out _).ShouldBeFalse();

    [Fact]
    public void An_unknown_time_zone_is_an_argument_error()
        => Should.Throw<ArgumentException>(() => FeedDates.ResolveTimeZone("Mars/Olympus")).Message.ShouldContain("Unknown time zone 'Mars/Olympus'");
}
