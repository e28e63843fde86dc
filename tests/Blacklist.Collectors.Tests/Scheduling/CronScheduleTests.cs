using Blacklist.Collectors.Scheduling;

namespace Blacklist.Collectors.Tests.Scheduling;

public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset Noon = new(2026, 8, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Five_fields_are_minutes_and_run_in_utc()
    {
        CronSchedule.TryParse("*/10 * * * *", out var schedule, out var error).ShouldBeTrue(error);

        schedule!.NextAfter(Noon.AddMinutes(3)).ShouldBe(Noon.AddMinutes(10));
        schedule.NextAfter(Noon).ShouldBe(Noon.AddMinutes(10));
    }

    [Fact]
    public void Six_fields_include_seconds()
    {
        CronSchedule.TryParse("*/30 * * * * *", out var schedule, out _).ShouldBeTrue();
        schedule!.NextAfter(Noon).ShouldBe(Noon.AddSeconds(30));
    }

    [Fact]
    public void A_missed_slot_is_detected()
    {
        CronSchedule.TryParse("0 3 * * *", out var schedule, out _).ShouldBeTrue();

        schedule!.HadSlotBetween(Noon.AddDays(-1), Noon).ShouldBeTrue();
        schedule.HadSlotBetween(Noon.AddHours(-1), Noon).ShouldBeFalse();
    }

    [Theory]
    [InlineData("*/5 * *", "5 fields")]
    [InlineData("61 * * * *", "not a cron expression")]
    [InlineData("", "5 fields")]
    public void Bad_expressions_say_what_is_expected(string text, string expected)
    {
        CronSchedule.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldContain(expected);
    }
}
