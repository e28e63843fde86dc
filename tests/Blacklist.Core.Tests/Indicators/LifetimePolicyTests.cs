using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Microsoft.Extensions.Time.Testing;

// Not "…Tests.Indicators": Parsing/FeedSamples.cs names Core's type as Indicators.Observation, which that namespace would shadow.
namespace Blacklist.Core.Tests.Lifetime;

public sealed class LifetimePolicyTests
{
    private static readonly DateTimeOffset Seen = new(2026, 8, 22, 0, 0, 0, TimeSpan.Zero);
    private static readonly Observation Entry = new(IpRange.V4(0x01020304));

    [Fact]
    public void Without_dates_it_expires_a_ttl_after_it_was_seen()
        => new LifetimePolicy(TimeSpan.FromDays(90)).ExpiresAt(Entry, Seen).ShouldBe(Seen.AddDays(90));

    [Fact]
    public void A_release_date_wins_over_the_ttl_even_when_it_is_earlier()
    {
        var released = Seen.AddDays(3);
        new LifetimePolicy(TimeSpan.FromDays(90)).ExpiresAt(Entry with { ReleasedAt = released }, Seen).ShouldBe(released);
    }

    [Fact]
    public void A_detection_date_in_the_past_does_not_shorten_the_lifetime()
        => LifetimePolicy.Default.ExpiresAt(Entry with { DetectedAt = Seen.AddDays(-30) }, Seen).ShouldBe(Seen.AddDays(90));

    [Fact]
    public void A_detection_date_after_the_sighting_counts_from_that_date()
        => LifetimePolicy.Default.ExpiresAt(Entry with { DetectedAt = Seen.AddDays(2) }, Seen).ShouldBe(Seen.AddDays(92));

    [Fact]
    public void Seeing_it_again_extends_it()
    {
        var time = new FakeTimeProvider(Seen);
        var policy = new LifetimePolicy(TimeSpan.FromDays(10));
        var first = policy.ExpiresAt(Entry, time.GetUtcNow());
        time.Advance(TimeSpan.FromDays(7));
        var second = policy.ExpiresAt(Entry, time.GetUtcNow());

        second.ShouldBe(first.AddDays(7));
        LifetimePolicy.IsActive(null, first, time.GetUtcNow().AddDays(4)).ShouldBeFalse();
        LifetimePolicy.IsActive(null, second, time.GetUtcNow().AddDays(4)).ShouldBeTrue();
    }

    [Fact]
    public void Active_means_not_removed_and_before_expiry()
    {
        LifetimePolicy.IsActive(null, Seen.AddSeconds(1), Seen).ShouldBeTrue();
        LifetimePolicy.IsActive(null, Seen, Seen).ShouldBeFalse();
        LifetimePolicy.IsActive(Seen.AddDays(-1), Seen.AddDays(1), Seen).ShouldBeFalse();
    }

    [Theory]
    [InlineData("90", 90 * 24)]
    [InlineData(" 7 ", 7 * 24)]
    [InlineData("90.00:00:00", 90 * 24)]
    [InlineData("12:00:00", 12)]
    public void Ttls_are_days_or_durations(string text, int hours)
    {
        LifetimePolicy.TryParseTtl(text, out var ttl, out var error).ShouldBeTrue(error);
        ttl.ShouldBe(TimeSpan.FromHours(hours));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("0", "longer than zero")]
    [InlineData("-5.00:00:00", "longer than zero")]
    [InlineData("ninety", "not a duration")]
    public void Bad_ttls_say_what_is_wrong(string text, string expected)
    {
        LifetimePolicy.TryParseTtl(text, out _, out var error).ShouldBeFalse();
        error.ShouldContain(expected);
    }
}
