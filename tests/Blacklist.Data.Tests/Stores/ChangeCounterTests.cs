using Blacklist.Data.Tests.Infrastructure;

namespace Blacklist.Data.Tests.Stores;

/// <summary>The change counter's compare-and-set, which replicas use to number an expiry once.</summary>
public sealed class ChangeCounterTests
{
    [Fact]
    public async Task Advancing_from_the_value_seen_moves_the_counter_by_one_and_a_stale_value_moves_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var seen = await db.Indicators.GetChangeCounterAsync(CancellationToken.None);

        (await db.Indicators.TryAdvanceChangeCounterAsync(seen, CancellationToken.None)).ShouldBeTrue();
        (await db.Indicators.TryAdvanceChangeCounterAsync(seen, CancellationToken.None)).ShouldBeFalse("another replica moved it already");
        (await db.Indicators.TryAdvanceChangeCounterAsync(seen + 5, CancellationToken.None)).ShouldBeFalse();

        (await db.Indicators.GetChangeCounterAsync(CancellationToken.None)).ShouldBe(seen + 1);
        (await db.Indicators.LoadActiveAsync(db.Time.GetUtcNow(), CancellationToken.None)).ChangeCounter.ShouldBe(seen + 1);
        db.Notifier.Count.ShouldBe(0, "the caller rebuilds itself; nobody else is told");
    }

    [Fact]
    public async Task Of_many_replicas_advancing_from_the_same_value_at_once_exactly_one_moves_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        var seen = await db.Indicators.GetChangeCounterAsync(CancellationToken.None);

        var moved = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => db.Indicators.TryAdvanceChangeCounterAsync(seen, CancellationToken.None))));

        moved.Count(m => m).ShouldBe(1);
        (await db.Indicators.GetChangeCounterAsync(CancellationToken.None)).ShouldBe(seen + 1);
    }
}
