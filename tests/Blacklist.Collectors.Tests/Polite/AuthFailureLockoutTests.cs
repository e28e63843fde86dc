using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.Polite;
using Blacklist.Collectors.Regtech;
using Blacklist.Collectors.Tests.Credentials;
using Blacklist.Collectors.Tests.Feeds;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Blacklist.Collectors.Tests.Polite;

public sealed class AuthFailureLockoutTests
{
    private readonly FakeTimeProvider _time = new(PortalHarness.Now);
    private readonly MemorySourceState _state = new();
    private readonly RegtechSettings _settings = new() { LockoutAfterFailures = 2, LockoutPause = TimeSpan.FromHours(1) };

    [Fact]
    public async Task Logins_pause_at_the_threshold_until_the_pause_ends()
    {
        var lockout = new AuthFailureLockout(_state, _time, NullLogger<AuthFailureLockout>.Instance);

        await lockout.RecordFailureAsync("regtech", _settings, default);
        await lockout.ThrowIfPausedAsync("regtech", default);
        await lockout.RecordFailureAsync("regtech", _settings, default);

        var paused = await Should.ThrowAsync<CollectionException>(() => lockout.ThrowIfPausedAsync("regtech", default));
        paused.Kind.ShouldBe(CollectionFailure.LockedOut);
        paused.Message.ShouldContain("paused until 2026-08-20 04:00:00 UTC after 2 refused logins in a row");
        await lockout.ThrowIfPausedAsync("secudium", default);

        _time.Advance(TimeSpan.FromHours(1));
        await lockout.ThrowIfPausedAsync("regtech", default);
    }

    [Fact]
    public async Task The_count_survives_a_restart_and_a_reset_clears_it()
    {
        await new AuthFailureLockout(_state, _time, NullLogger<AuthFailureLockout>.Instance).RecordFailureAsync("regtech", _settings, default);
        var restarted = new AuthFailureLockout(_state, _time, NullLogger<AuthFailureLockout>.Instance);

        await restarted.RecordFailureAsync("regtech", _settings, default);
        (await restarted.GetStateAsync("regtech", default)).ShouldBe(new LockoutState(2, PortalHarness.Now.AddHours(1)));

        await restarted.ResetAsync("regtech", default);
        (await restarted.GetStateAsync("regtech", default)).ShouldBe(new LockoutState(0, null));
        (await _state.GetAsync("regtech", AuthFailureLockout.FailuresKey, default)).ShouldBeNull();
        (await _state.GetAsync("regtech", AuthFailureLockout.PausedUntilKey, default)).ShouldBeNull();
    }
}
