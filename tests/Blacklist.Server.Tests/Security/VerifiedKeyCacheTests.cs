using Blacklist.Data.Security;
using Blacklist.Server.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Blacklist.Server.Tests.Security;

public sealed class VerifiedKeyCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 8, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_confirmed_key_is_recalled_until_its_lifetime_has_passed_since_the_last_confirmation()
    {
        var cache = Cache(TimeSpan.FromMinutes(10), size: 10);
        var key = Key("a");
        cache.Remember(key);

        _time.Advance(TimeSpan.FromMinutes(9));
        cache.Recall("a").ShouldBe(key);
        cache.Remember(key);
        _time.Advance(TimeSpan.FromMinutes(9));
        cache.Recall("a").ShouldBe(key, "a new confirmation starts the lifetime again");
        _time.Advance(TimeSpan.FromMinutes(1));
        cache.Recall("a").ShouldBeNull();
        cache.Count.ShouldBe(0);
    }

    [Fact]
    public void Forgotten_and_never_confirmed_keys_are_not_recalled()
    {
        var cache = Cache(TimeSpan.FromMinutes(10), size: 10);
        cache.Remember(Key("a"));
        cache.Forget("a");

        cache.Recall("a").ShouldBeNull();
        cache.Recall("b").ShouldBeNull();
    }

    [Fact]
    public void A_zero_lifetime_turns_the_fallback_off()
    {
        var cache = Cache(TimeSpan.Zero, size: 10);
        cache.Remember(Key("a"));

        cache.Recall("a").ShouldBeNull();
        cache.Count.ShouldBe(0);
    }

    [Fact]
    public void The_cache_never_holds_more_than_its_size_and_drops_the_longest_unconfirmed_first()
    {
        var cache = Cache(TimeSpan.FromMinutes(10), size: 3);
        foreach (var id in new[] { "a", "b", "c", "d", "e" })
        {
            cache.Remember(Key(id));
            _time.Advance(TimeSpan.FromSeconds(1));
            cache.Count.ShouldBeLessThanOrEqualTo(3);
        }

        cache.Recall("a").ShouldBeNull();
        cache.Recall("b").ShouldBeNull();
        cache.Recall("e").ShouldNotBeNull();
        cache.Remember(Key("c")); // already held: refreshing it evicts nothing
        cache.Recall("d").ShouldNotBeNull();
    }

    private VerifiedKeyCache Cache(TimeSpan lifetime, int size)
        => new(Options.Create(new AccessOptions { VerifiedKeyLifetime = lifetime, VerifiedKeyCacheSize = size }), _time);

    private StoredApiKey Key(string keyId) => new(
        new ApiKeyRecord(keyId.GetHashCode(StringComparison.Ordinal), keyId, "test-" + keyId, SecurityRole.Reader, [], _time.GetUtcNow(), "test", null, null, null),
        [1, 2, 3]);
}
