using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Regtech;
using Blacklist.Collectors.Tests.Credentials;
using Microsoft.Extensions.Time.Testing;

namespace Blacklist.Collectors.Tests.Regtech;

public sealed class DateWindowTests
{
    private readonly FakeTimeProvider _time = new(PortalHarness.Now);

    [Fact]
    public void A_scheduled_run_covers_the_last_days_up_to_today_in_korea()
        => Window([]).ShouldBe(new DateWindow(new DateOnly(2026, 8, 17), new DateOnly(2026, 8, 20)));

    [Fact]
    public void Manual_dates_are_taken_in_either_form()
        => Window(new() { ["start_date"] = "20260101", ["end_date"] = "2026-02-15" }).ShouldBe(new DateWindow(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 15)));

    [Fact]
    public void A_start_alone_runs_to_today_and_an_end_alone_reaches_the_window_back()
    {
        Window(new() { ["start_date"] = "2026-08-01" }).ShouldBe(new DateWindow(new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 20)));
        Window(new() { ["end_date"] = "2026-08-10" }).ShouldBe(new DateWindow(new DateOnly(2026, 8, 7), new DateOnly(2026, 8, 10)));
    }

    [Fact]
    public void A_start_after_the_end_is_refused_with_what_to_fix()
        => Should.Throw<CollectionException>(() => Window(new() { ["start_date"] = "2026-03-01", ["end_date"] = "2026-01-01" }))
            .Message.ShouldBe("regtech: start_date 2026-03-01 is after end_date 2026-01-01; trigger again with start_date on or before end_date.");

    [Theory]
    [InlineData("2026-01-01", "2026-06-30", new[] { "2026-01-01..2026-03-31", "2026-04-01..2026-06-30" })]
    [InlineData("2026-01-31", "2026-05-01", new[] { "2026-01-31..2026-04-29", "2026-04-30..2026-05-01" })]
    [InlineData("2026-03-05", "2026-03-05", new[] { "2026-03-05..2026-03-05" })]
    [InlineData("2026-01-01", "2026-03-31", new[] { "2026-01-01..2026-03-31" })]
    public void Long_windows_split_into_parts_of_at_most_three_months(string start, string end, string[] parts)
        => Window(new() { ["start_date"] = start, ["end_date"] = end }).SplitByMonths(3).Select(p => p.ToString()).ShouldBe(parts);

    [Fact]
    public void Split_parts_cover_the_window_exactly_without_overlap()
    {
        var window = new DateWindow(new DateOnly(2024, 2, 29), new DateOnly(2026, 12, 31));
        var parts = window.SplitByMonths(3);

        parts[0].Start.ShouldBe(window.Start);
        parts[^1].End.ShouldBe(window.End);
        parts.Zip(parts.Skip(1)).ShouldAllBe(pair => pair.Second.Start == pair.First.End.AddDays(1));
        parts.ShouldAllBe(p => p.End <= p.Start.AddMonths(3).AddDays(-1));
    }

    private DateWindow Window(Dictionary<string, string> parameters)
        => DateWindow.ForRun(PortalHarness.Context("regtech", new Dictionary<string, string?>(), parameters, RunTrigger.Manual), 3, _time);
}
