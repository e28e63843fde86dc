using Blacklist.Core.Addresses;
using Blacklist.Data.Tests.Infrastructure;

namespace Blacklist.Data.Tests.Stores;

public sealed class AllowlistStoreTests
{
    [Fact]
    public async Task Allowlist_entries_are_added_listed_expire_and_are_removed_with_audit()
    {
        await using var db = await TestDatabase.CreateAsync();
        var partner = IpRangeParser.Parse("203.0.113.0/24".AsSpan()).Range;
        var temporary = IpRangeParser.Parse("2001:db8::/48".AsSpan()).Range;

        var kept = await db.Allowlist.AddAsync(partner, "partner network", null, "alice", CancellationToken.None);
        await db.Allowlist.AddAsync(temporary, "test lab", TestDatabase.Start.AddDays(1), "alice", CancellationToken.None);

        (await db.Allowlist.ListAsync(CancellationToken.None)).Select(a => a.Range.ToString()).ShouldBe(["203.0.113.0/24", "2001:db8::/48"]);
        db.Notifier.Count.ShouldBe(2);
        db.Time.Advance(TimeSpan.FromDays(2));
        (await db.Indicators.LoadActiveAsync(db.Time.GetUtcNow(), CancellationToken.None)).Allowlist.ShouldHaveSingleItem().Reason.ShouldBe("partner network");

        (await db.Allowlist.RemoveAsync(kept.Id, "bob", CancellationToken.None)).ShouldBeTrue();
        (await db.Allowlist.RemoveAsync(kept.Id, "bob", CancellationToken.None)).ShouldBeFalse();
        var audit = await db.Audit.ListAsync(10, CancellationToken.None);
        audit.Select(a => (a.Actor, a.Action)).ShouldBe([("bob", "allowlist.remove"), ("alice", "allowlist.add"), ("alice", "allowlist.add")]);
        kept.CreatedBy.ShouldBe("alice");
    }
}
