using Blacklist.Core.Addresses;
using Blacklist.Data.Contracts;
using Blacklist.Data.Tests.Infrastructure;
using static Blacklist.Data.Tests.Infrastructure.Runs;

namespace Blacklist.Data.Tests.Stores;

public sealed class IndicatorStoreTests
{
    private static IpRange Range(string text) => V4(text).Range;

    [Fact]
    public async Task A_manual_entry_is_active_audited_counted_and_notified()
    {
        await using var db = await TestDatabase.CreateAsync();
        var before = await db.Indicators.GetChangeCounterAsync(CancellationToken.None);

        var entry = await db.Indicators.AddManualAsync(new ManualEntryRequest(Range("198.51.100.7"), "phishing host") { Category = "phishing" }, "alice", CancellationToken.None);

        entry.Source.ShouldBe("manual");
        entry.ExpiresAt.ShouldBe(TestDatabase.Start.AddDays(365));
        (await db.Indicators.GetChangeCounterAsync(CancellationToken.None)).ShouldBe(before + 1);
        db.Notifier.Count.ShouldBe(1);
        (await ActiveRangesAsync(db)).ShouldBe(["198.51.100.7"]);
        var audit = (await db.Audit.ListAsync(10, CancellationToken.None)).ShouldHaveSingleItem();
        (audit.Actor, audit.Action, audit.Target).ShouldBe(("alice", "manual.add", "198.51.100.7"));
        audit.Details!.ShouldContain("phishing host");
        (await db.Indicators.ListManualAsync(CancellationToken.None)).ShouldHaveSingleItem().Reason.ShouldBe("phishing host");
    }

    [Fact]
    public async Task A_manual_ttl_setting_and_an_explicit_expiry_are_honoured()
    {
        await using var db = await TestDatabase.CreateAsync(new Dictionary<string, string?> { ["Blacklist:Sources:manual:Ttl"] = "30" });

        var byTtl = await db.Indicators.AddManualAsync(new ManualEntryRequest(Range("198.51.100.7"), "x"), "alice", CancellationToken.None);
        var byDate = await db.Indicators.AddManualAsync(
            new ManualEntryRequest(Range("198.51.100.8"), "y") { ExpiresAt = TestDatabase.Start.AddDays(2) }, "alice", CancellationToken.None);

        byTtl.ExpiresAt.ShouldBe(TestDatabase.Start.AddDays(30));
        byDate.ExpiresAt.ShouldBe(TestDatabase.Start.AddDays(2));
        db.Time.Advance(TimeSpan.FromDays(3));
        (await ActiveRangesAsync(db)).ShouldBe(["198.51.100.7"]);
    }

    [Fact]
    public async Task An_expiry_in_the_past_is_refused_without_changing_anything()
    {
        await using var db = await TestDatabase.CreateAsync();

        var failure = await Should.ThrowAsync<ArgumentException>(() => db.Indicators.AddManualAsync(
            new ManualEntryRequest(Range("198.51.100.7"), "x") { ExpiresAt = TestDatabase.Start.AddDays(-1) }, "alice", CancellationToken.None));

        failure.Message.ShouldContain("not in the future");
        (await db.Indicators.GetChangeCounterAsync(CancellationToken.None)).ShouldBe(0);
        (await db.Audit.ListAsync(10, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Removing_a_manual_entry_keeps_it_for_history_and_adding_it_again_revives_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        var entry = await db.Indicators.AddManualAsync(new ManualEntryRequest(Range("198.51.100.0/24"), "x"), "alice", CancellationToken.None);

        (await db.Indicators.RemoveManualAsync(entry.Id, "bob", CancellationToken.None)).ShouldBeTrue();
        (await db.Indicators.RemoveManualAsync(entry.Id, "bob", CancellationToken.None)).ShouldBeFalse();
        (await ActiveRangesAsync(db)).ShouldBeEmpty();
        (await db.Audit.ListAsync(10, CancellationToken.None))[0].Action.ShouldBe("manual.remove");

        var again = await db.Indicators.AddManualAsync(new ManualEntryRequest(Range("198.51.100.0/24"), "again"), "alice", CancellationToken.None);
        again.Id.ShouldBe(entry.Id);
        (await ActiveRangesAsync(db)).ShouldBe(["198.51.100.0/24"]);
    }

    [Fact]
    public async Task Only_manual_entries_can_be_removed_by_id()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ApplyAsync(db, "feed", [V4("1.1.1.1")]);
        var fed = (await db.Indicators.LoadActiveAsync(db.Time.GetUtcNow(), CancellationToken.None)).Indicators.Single();

        (await db.Indicators.RemoveManualAsync(fed.Id, "bob", CancellationToken.None)).ShouldBeFalse();
        (await ActiveRangesAsync(db)).ShouldBe(["1.1.1.1"]);
    }

    [Fact]
    public async Task Load_active_reads_the_counter_and_excludes_expired_and_removed_entries()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ApplyAsync(db, "short", [V4("1.1.1.1")], ttl: TimeSpan.FromDays(1));
        await ApplyAsync(db, "long", [V4("2.2.2.2"), V4("2001:db8::1")]);
        var removable = await db.Indicators.AddManualAsync(new ManualEntryRequest(Range("3.3.3.3"), "x"), "a", CancellationToken.None);
        await db.Indicators.RemoveManualAsync(removable.Id, "a", CancellationToken.None);
        db.Time.Advance(TimeSpan.FromDays(2));

        var data = await db.Indicators.LoadActiveAsync(db.Time.GetUtcNow(), CancellationToken.None);

        data.ChangeCounter.ShouldBe(await db.Indicators.GetChangeCounterAsync(CancellationToken.None));
        data.Indicators.Select(i => i.Range.ToString()).Order(StringComparer.Ordinal).ShouldBe(["2.2.2.2", "2001:db8::1"]);
        data.Indicators.ShouldAllBe(i => i.Source == "long" && i.Confidence == 50);
    }

    [Fact]
    public async Task Daily_changes_count_first_sightings_and_endings_per_utc_day()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ApplyAsync(db, "feed", [V4("1.1.1.1"), V4("2.2.2.2")], ttl: TimeSpan.FromDays(1));
        db.Time.Advance(TimeSpan.FromDays(3));
        await ApplyAsync(db, "feed", [V4("3.3.3.3")], ttl: TimeSpan.FromDays(1));

        var days = await db.Indicators.GetDailyChangesAsync(new DateOnly(2026, 8, 22), new DateOnly(2026, 8, 25), CancellationToken.None);

        days.Select(d => (d.Day.Day, d.Added, d.Expired)).ShouldBe([(22, 2, 0), (23, 0, 2), (24, 0, 0), (25, 1, 0)]);
    }
}
