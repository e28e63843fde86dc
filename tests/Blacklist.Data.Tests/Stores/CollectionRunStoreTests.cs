using Blacklist.Core.Indicators;
using Blacklist.Data.Contracts;
using Blacklist.Data.Tests.Infrastructure;
using static Blacklist.Data.Tests.Infrastructure.Runs;

namespace Blacklist.Data.Tests.Stores;

public sealed class CollectionRunStoreTests
{
    [Fact]
    public async Task A_first_run_adds_everything_and_records_counts()
    {
        await using var db = await TestDatabase.CreateAsync();

        var (runId, counts) = await ApplyAsync(db, "feed", [V4("1.2.3.4"), V4("5.6.7.0/24"), V4("2001:db8::/48")]);

        counts.Added.ShouldBe(3);
        counts.Updated.ShouldBe(0);
        counts.Unchanged.ShouldBe(0);
        (await ActiveRangesAsync(db)).ShouldBe(["1.2.3.4", "2001:db8::/48", "5.6.7.0/24"]);
        var run = await db.Runs.GetAsync(runId, CancellationToken.None);
        run!.Status.ShouldBe(RunStatus.Succeeded);
        run.Counts.Added.ShouldBe(3);
        run.FinishedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Seeing_an_entry_again_extends_its_lifetime_and_counts_it_unchanged()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ApplyAsync(db, "feed", [V4("1.2.3.4")], ttl: TimeSpan.FromDays(10));
        db.Time.Advance(TimeSpan.FromDays(9));

        var (_, counts) = await ApplyAsync(db, "feed", [V4("1.2.3.4")], ttl: TimeSpan.FromDays(10));
        db.Time.Advance(TimeSpan.FromDays(5));

        counts.Unchanged.ShouldBe(1);
        counts.Added.ShouldBe(0);
        var data = await db.Indicators.LoadActiveAsync(db.Time.GetUtcNow(), CancellationToken.None);
        var indicator = data.Indicators.ShouldHaveSingleItem();
        indicator.FirstSeen.ShouldBe(TestDatabase.Start);
        indicator.LastSeen.ShouldBe(TestDatabase.Start.AddDays(9));
        indicator.ExpiresAt.ShouldBe(TestDatabase.Start.AddDays(19));
    }

    [Fact]
    public async Task Entries_expire_after_their_ttl_without_another_run()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ApplyAsync(db, "feed", [V4("1.2.3.4")], ttl: TimeSpan.FromDays(1));

        db.Time.Advance(TimeSpan.FromDays(1));

        (await ActiveRangesAsync(db)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_release_date_sets_the_expiry()
    {
        await using var db = await TestDatabase.CreateAsync();
        var released = TestDatabase.Start.AddDays(3);

        await ApplyAsync(db, "feed", [V4("1.2.3.4") with { ReleasedAt = released, DetectedAt = TestDatabase.Start.AddDays(-1) }], fullList: false);

        var data = await db.Indicators.LoadActiveAsync(db.Time.GetUtcNow(), CancellationToken.None);
        data.Indicators.ShouldHaveSingleItem().ExpiresAt.ShouldBe(released);
        (await db.Indicators.LoadActiveAsync(released, CancellationToken.None)).Indicators.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_full_list_source_withdraws_what_it_no_longer_lists_and_revives_it_later()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ApplyAsync(db, "feed", [V4("1.1.1.1"), V4("2.2.2.2")]);
        db.Time.Advance(TimeSpan.FromHours(1));

        var (_, second) = await ApplyAsync(db, "feed", [V4("1.1.1.1"), V4("3.3.3.3")]);

        second.Withdrawn.ShouldBe(1);
        second.Added.ShouldBe(1);
        second.Unchanged.ShouldBe(1);
        (await ActiveRangesAsync(db)).ShouldBe(["1.1.1.1", "3.3.3.3"]);

        db.Time.Advance(TimeSpan.FromHours(1));
        var (_, third) = await ApplyAsync(db, "feed", [V4("1.1.1.1"), V4("2.2.2.2"), V4("3.3.3.3")]);
        third.Updated.ShouldBe(1);
        (await ActiveRangesAsync(db)).ShouldBe(["1.1.1.1", "2.2.2.2", "3.3.3.3"]);
    }

    [Fact]
    public async Task An_incremental_source_keeps_what_a_run_does_not_mention()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ApplyAsync(db, "regtech", [V4("1.1.1.1")], fullList: false);

        var (_, counts) = await ApplyAsync(db, "regtech", [V4("2.2.2.2")], fullList: false);

        counts.Withdrawn.ShouldBe(0);
        (await ActiveRangesAsync(db)).ShouldBe(["1.1.1.1", "2.2.2.2"]);
    }

    [Fact]
    public async Task Sources_keep_their_own_indicators_for_the_same_range()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ApplyAsync(db, "a", [V4("1.1.1.1")]);
        await ApplyAsync(db, "b", [V4("1.1.1.1")]);

        await ApplyAsync(db, "a", []);

        (await ActiveRangesAsync(db, "b")).ShouldBe(["1.1.1.1"]);
        (await ActiveRangesAsync(db, "a")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_changed_reason_counts_as_updated_and_a_duplicate_line_counts_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ApplyAsync(db, "feed", [V4("1.1.1.1") with { Reason = "scanner" }]);

        var (_, counts) = await ApplyAsync(db, "feed", [V4("1.1.1.1") with { Reason = "botnet" }, V4("1.1.1.1") with { Reason = "c2" }]);

        counts.Updated.ShouldBe(1);
        counts.Added.ShouldBe(0);
        var data = await db.Indicators.LoadActiveAsync(db.Time.GetUtcNow(), CancellationToken.None);
        data.Indicators.ShouldHaveSingleItem().Reason.ShouldBe("c2");
    }

    [Fact]
    public async Task Not_modified_from_a_full_list_source_counts_as_seen_again()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ApplyAsync(db, "feed", [V4("1.1.1.1")], ttl: TimeSpan.FromDays(2));
        db.Time.Advance(TimeSpan.FromDays(1.5));

        var (runId, counts) = await ApplyAsync(db, "feed", [], ttl: TimeSpan.FromDays(2), notModified: true);
        db.Time.Advance(TimeSpan.FromDays(1));

        counts.Unchanged.ShouldBe(1);
        (await ActiveRangesAsync(db)).ShouldBe(["1.1.1.1"]);
        (await db.Runs.GetAsync(runId, CancellationToken.None))!.NotModified.ShouldBeTrue();
        (await db.Runs.GetPreviousCountAsync("feed", CancellationToken.None)).ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_or_refused_run_changes_no_data_and_does_not_notify()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ApplyAsync(db, "feed", [V4("1.1.1.1")]);
        var counter = await db.Indicators.GetChangeCounterAsync(CancellationToken.None);
        var notified = db.Notifier.Count;
        var runId = await db.Runs.CreateAsync(new NewRun("feed", "http", "scheduled", db.Time.GetUtcNow()), CancellationToken.None);

        await db.Runs.FinishUnappliedAsync(
            new RunFailure(runId, RunStatus.Refused, db.Time.GetUtcNow(), "the feed is empty") { FailureKind = "Guard", RefusedPayload = [1, 2, 3], RefusedObservations = 0 },
            CancellationToken.None);

        (await ActiveRangesAsync(db)).ShouldBe(["1.1.1.1"]);
        (await db.Indicators.GetChangeCounterAsync(CancellationToken.None)).ShouldBe(counter);
        db.Notifier.Count.ShouldBe(notified);
        var run = await db.Runs.GetAsync(runId, CancellationToken.None);
        run!.Status.ShouldBe(RunStatus.Refused);
        run.Error.ShouldBe("the feed is empty");
        (await db.Runs.GetRefusedPayloadAsync(runId, CancellationToken.None)).ShouldBe(new byte[] { 1, 2, 3 });
    }

    [Fact]
    public async Task An_apply_that_fails_midway_rolls_back_everything()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ApplyAsync(db, "feed", [V4("1.1.1.1")]);
        var counter = await db.Indicators.GetChangeCounterAsync(CancellationToken.None);
        var runId = await db.Runs.CreateAsync(new NewRun("feed", "http", "scheduled", db.Time.GetUtcNow()), CancellationToken.None);

        // Accepting a run that was never refused fails after the upsert ran inside the transaction.
        await Should.ThrowAsync<InvalidOperationException>(() => db.Runs.ApplyAsync(
            new RunApplication(runId, "feed", "http", db.Time.GetUtcNow(), LifetimePolicy.Default)
            {
                Observations = [V4("9.9.9.9")],
                FullList = true,
                AcceptsRunId = runId,
            },
            CancellationToken.None));

        (await ActiveRangesAsync(db)).ShouldBe(["1.1.1.1"]);
        (await db.Indicators.GetChangeCounterAsync(CancellationToken.None)).ShouldBe(counter);
    }

    [Fact]
    public async Task Accepting_a_refused_run_marks_it_accepted_audits_and_drops_its_payload()
    {
        await using var db = await TestDatabase.CreateAsync();
        var refusedId = await db.Runs.CreateAsync(new NewRun("feed", "http", "scheduled", db.Time.GetUtcNow()), CancellationToken.None);
        await db.Runs.FinishUnappliedAsync(
            new RunFailure(refusedId, RunStatus.Refused, db.Time.GetUtcNow(), "shrank") { RefusedPayload = [1], RefusedObservations = 1 },
            CancellationToken.None);
        var acceptId = await db.Runs.CreateAsync(new NewRun("feed", "http", "accept", db.Time.GetUtcNow()), CancellationToken.None);

        await db.Runs.ApplyAsync(
            new RunApplication(acceptId, "feed", "http", db.Time.GetUtcNow(), LifetimePolicy.Default)
            {
                Observations = [V4("9.9.9.9")],
                AcceptsRunId = refusedId,
                Actor = "alice",
            },
            CancellationToken.None);

        (await db.Runs.GetAsync(refusedId, CancellationToken.None))!.Status.ShouldBe(RunStatus.Accepted);
        (await db.Runs.GetRefusedPayloadAsync(refusedId, CancellationToken.None)).ShouldBeNull();
        var audit = (await db.Audit.ListAsync(10, CancellationToken.None)).ShouldHaveSingleItem();
        audit.Actor.ShouldBe("alice");
        audit.Action.ShouldBe("collection.accept");
        (await ActiveRangesAsync(db)).ShouldBe(["9.9.9.9"]);
    }

    [Fact]
    public async Task Unfinished_runs_are_marked_abandoned_and_summaries_show_last_runs()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ApplyAsync(db, "feed", [V4("1.1.1.1"), V4("2.2.2.2")]);
        var stuck = await db.Runs.CreateAsync(new NewRun("feed", "http", "scheduled", db.Time.GetUtcNow()), CancellationToken.None);

        (await db.Runs.AbandonUnfinishedAsync(db.Time.GetUtcNow(), null, CancellationToken.None)).ShouldBe(1);

        var summaries = await db.Runs.GetSummariesAsync(CancellationToken.None);
        var feed = summaries["feed"];
        feed.LastRun!.Id.ShouldBe(stuck);
        feed.LastRun.Status.ShouldBe(RunStatus.Failed);
        feed.LastRun.FailureKind.ShouldBe("Abandoned");
        feed.LastRun.Error.ShouldBe("abandoned: the replica running it stopped before it finished; nothing it fetched was applied");
        feed.LastSuccessAt.ShouldBe(TestDatabase.Start);
        (await db.Runs.ListAsync("feed", 10, CancellationToken.None)).Select(r => r.Id).First().ShouldBe(stuck);
    }

    [Fact]
    public async Task Abandoning_the_runs_of_one_source_leaves_other_sources_and_finished_runs_alone()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ApplyAsync(db, "feed", [V4("1.1.1.1")]);
        var queued = await db.Runs.CreateAsync(new NewRun("feed", "http", "manual", db.Time.GetUtcNow()), CancellationToken.None);
        var running = await db.Runs.CreateAsync(new NewRun("feed", "http", "scheduled", db.Time.GetUtcNow()), CancellationToken.None);
        await db.Runs.MarkRunningAsync(running, db.Time.GetUtcNow(), CancellationToken.None);
        var other = await db.Runs.CreateAsync(new NewRun("other", "http", "scheduled", db.Time.GetUtcNow()), CancellationToken.None);

        (await db.Runs.AbandonUnfinishedAsync(db.Time.GetUtcNow(), "feed", CancellationToken.None)).ShouldBe(2);

        (await db.Runs.GetAsync(queued, CancellationToken.None))!.Status.ShouldBe(RunStatus.Failed);
        (await db.Runs.GetAsync(running, CancellationToken.None))!.Error!.ShouldStartWith("abandoned:");
        (await db.Runs.GetAsync(other, CancellationToken.None))!.Status.ShouldBe(RunStatus.Queued);
        (await db.Runs.ListAsync("feed", 10, CancellationToken.None)).Count(r => r.Status == RunStatus.Succeeded).ShouldBe(1);
    }

    [Fact]
    public async Task The_data_of_a_run_abandoned_while_it_ran_is_refused_and_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await ApplyAsync(db, "feed", [V4("1.1.1.1")]);
        var now = db.Time.GetUtcNow();
        var lost = await db.Runs.CreateAsync(new NewRun("feed", "http", "scheduled", now), CancellationToken.None);
        await db.Runs.MarkRunningAsync(lost, now, CancellationToken.None);

        // Its replica's run lock went with its session; the replica that took the source over abandoned it.
        await db.Runs.AbandonUnfinishedAsync(now, "feed", CancellationToken.None);
        var late = new RunApplication(lost, "feed", "http", now, new LifetimePolicy(LifetimePolicy.DefaultTtl)) { Observations = [V4("2.2.2.2")], FullList = true };
        var refusal = await Should.ThrowAsync<RunAlreadyEndedException>(() => db.Runs.ApplyAsync(late, CancellationToken.None));

        refusal.Message.ShouldContain($"run {lost} was already failed");
        (await ActiveRangesAsync(db)).ShouldBe(["1.1.1.1"], "nothing of the late data was applied, nothing withdrawn");
        var run = (await db.Runs.GetAsync(lost, CancellationToken.None))!;
        run.Status.ShouldBe(RunStatus.Failed);
        run.Error!.ShouldStartWith("abandoned:");
    }
}
