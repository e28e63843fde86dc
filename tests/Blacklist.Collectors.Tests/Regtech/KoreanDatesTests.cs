using Blacklist.Collectors.Regtech;
using Microsoft.Extensions.Time.Testing;

namespace Blacklist.Collectors.Tests.Regtech;

public sealed class KoreanDatesTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    public static TheoryData<object, DateTimeOffset> Cells => new()
    {
        { "2026-03-01", new DateTimeOffset(2026, 3, 1, 0, 0, 0, Kst) },
        { "20260301", new DateTimeOffset(2026, 3, 1, 0, 0, 0, Kst) },
        { "2026.03.01", new DateTimeOffset(2026, 3, 1, 0, 0, 0, Kst) },
        { "2026-03-01 13:45:10", new DateTimeOffset(2026, 3, 1, 13, 45, 10, Kst) },
        { 20260301d, new DateTimeOffset(2026, 3, 1, 0, 0, 0, Kst) },
        { 46082d, new DateTimeOffset(2026, 3, 1, 0, 0, 0, Kst) },
        { 46082.5d, new DateTimeOffset(2026, 3, 1, 12, 0, 0, Kst) },
        { "46082", new DateTimeOffset(2026, 3, 1, 0, 0, 0, Kst) },
        { new DateTime(2026, 3, 1, 8, 30, 0), new DateTimeOffset(2026, 3, 1, 8, 30, 0, Kst) },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Cells_are_korean_local_times(object cell, DateTimeOffset expected)
    {
        KoreanDates.TryParse(cell, out var instant).ShouldBeTrue();
        instant.ShouldBe(expected);
        instant.Offset.ShouldBe(Kst);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("어제")]
    [InlineData("2026-13-01")]
    [InlineData(-5d)]
    public void Text_that_is_not_a_date_is_refused(object cell) => KoreanDates.TryParse(cell, out _).ShouldBeFalse();

    [Fact]
    public void Today_is_the_korean_date()
    {
        // 2026-08-19 16:00 UTC is already 2026-08-20 01:00 in Seoul.
        KoreanDates.Today(new FakeTimeProvider(new DateTimeOffset(2026, 8, 19, 16, 0, 0, TimeSpan.Zero))).ShouldBe(new DateOnly(2026, 8, 20));
    }
}
