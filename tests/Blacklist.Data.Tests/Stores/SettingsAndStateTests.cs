using Blacklist.Core.Sources;
using Blacklist.Data.Tests.Infrastructure;

namespace Blacklist.Data.Tests.Stores;

public sealed class SettingsAndStateTests
{
    [Fact]
    public async Task Settings_persist_and_each_change_is_audited()
    {
        await using var db = await TestDatabase.CreateAsync();

        (await db.Settings.GetAsync("collection.enabled", CancellationToken.None)).ShouldBeNull();
        await db.Settings.SetAsync("collection.enabled", "false", "alice", CancellationToken.None);
        await db.Settings.SetAsync("collection.enabled", "true", "bob", CancellationToken.None);

        (await db.Settings.GetAsync("collection.enabled", CancellationToken.None)).ShouldBe("true");
        var audit = await db.Audit.ListAsync(10, CancellationToken.None);
        audit.Select(a => a.Details).ShouldBe(["false -> true", "(unset) -> false"]);
    }

    [Fact]
    public async Task Source_state_is_set_replaced_and_deleted_without_bumping_the_counter()
    {
        await using var db = await TestDatabase.CreateAsync();
        var state = db.Get<ISourceStateStore>();

        await state.SetAsync("feed", "http.etag", "\"v1\"", CancellationToken.None);
        await state.SetAsync("feed", "http.etag", "\"v2\"", CancellationToken.None);
        (await state.GetAsync("feed", "http.etag", CancellationToken.None)).ShouldBe("\"v2\"");
        (await state.GetAsync("other", "http.etag", CancellationToken.None)).ShouldBeNull();
        await state.SetAsync("feed", "http.etag", null, CancellationToken.None);

        (await state.GetAsync("feed", "http.etag", CancellationToken.None)).ShouldBeNull();
        (await db.Indicators.GetChangeCounterAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task Source_overrides_are_stored_and_audited()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Sources.EnsureAsync([KeyValuePair.Create("feed", "http"), KeyValuePair.Create("feed", "http")], CancellationToken.None);

        await db.Sources.SetEnabledAsync("feed", false, "alice", CancellationToken.None);
        (await db.Sources.GetEnabledOverridesAsync(CancellationToken.None))["feed"].ShouldBeFalse();
        await db.Sources.SetEnabledAsync("feed", null, "alice", CancellationToken.None);

        (await db.Sources.GetEnabledOverridesAsync(CancellationToken.None)).ShouldBeEmpty();
        await Should.ThrowAsync<KeyNotFoundException>(() => db.Sources.SetEnabledAsync("nope", true, "alice", CancellationToken.None));
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        await using var db = await TestDatabase.CreateAsync();

        (await db.Get<Blacklist.Data.Contracts.IDatabaseMigrator>().MigrateAsync(CancellationToken.None)).ShouldBeEmpty();
        (await db.Get<Blacklist.Data.Contracts.IDatabaseMigrator>().GetPendingAsync(CancellationToken.None)).ShouldBeEmpty();
    }
}
