using System.Globalization;
using Blacklist.Collectors.Abstractions;
using Blacklist.Core.Sources;
using Microsoft.Extensions.Logging;

namespace Blacklist.Collectors.Polite;

/// <summary>
/// Counts refused logins per source in the durable state store (so a restart does not reset
/// it) and pauses logins after too many in a row: providers lock an account after a few wrong
/// passwords, and a scheduler retrying every hour would get there. A successful login, or new
/// credentials from an operator, clears it.
/// </summary>
public sealed partial class AuthFailureLockout
{
    internal const string FailuresKey = "auth_failures";
    internal const string PausedUntilKey = "auth_paused_until";

    private readonly ISourceStateStore _state;
    private readonly TimeProvider _time;
    private readonly ILogger<AuthFailureLockout> _logger;

    public AuthFailureLockout(ISourceStateStore state, TimeProvider time, ILogger<AuthFailureLockout> logger)
    {
        _state = state;
        _time = time;
        _logger = logger;
    }

    /// <summary>Fails with <see cref="CollectionFailure.LockedOut"/> while logins of this source are paused.</summary>
    public async Task ThrowIfPausedAsync(string source, CancellationToken cancellationToken)
    {
        var state = await GetStateAsync(source, cancellationToken);
        if (state.PausedUntil is { } until && _time.GetUtcNow() < until)
        {
            throw new CollectionException(
                CollectionFailure.LockedOut,
                $"Logins to source '{source}' are paused until {until:yyyy-MM-dd HH:mm:ss} UTC after {state.ConsecutiveFailures} refused logins in a row, so the provider does not lock the account. " +
                $"Check the account, then set the credentials again with PUT /api/sources/{source}/credentials (that ends the pause).");
        }
    }

    /// <summary>Counts one refused login; at the threshold, starts (or renews) the pause.</summary>
    public async Task RecordFailureAsync(string source, PortalSourceSettings settings, CancellationToken cancellationToken)
    {
        var failures = (await GetStateAsync(source, cancellationToken)).ConsecutiveFailures + 1;
        await _state.SetAsync(source, FailuresKey, failures.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (failures >= settings.LockoutAfterFailures)
        {
            var until = _time.GetUtcNow() + settings.LockoutPause;
            await _state.SetAsync(source, PausedUntilKey, until.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
            LogPaused(_logger, source, failures, until);
        }
    }

    public async Task ResetAsync(string source, CancellationToken cancellationToken)
    {
        await _state.SetAsync(source, FailuresKey, null, cancellationToken);
        await _state.SetAsync(source, PausedUntilKey, null, cancellationToken);
    }

    public async Task<LockoutState> GetStateAsync(string source, CancellationToken cancellationToken)
    {
        var failuresText = await _state.GetAsync(source, FailuresKey, cancellationToken);
        var untilText = await _state.GetAsync(source, PausedUntilKey, cancellationToken);
        var failures = int.TryParse(failuresText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        DateTimeOffset? until = DateTimeOffset.TryParse(untilText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var u) ? u : null;
        return new LockoutState(failures, until);
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Warning, Message = "Logins to source {Source} paused until {Until} after {Failures} refused logins in a row")]
    private static partial void LogPaused(ILogger logger, string source, int failures, DateTimeOffset until);
}

/// <summary>Refused logins in a row and, once they reached the threshold, until when logins pause.</summary>
public sealed record LockoutState(int ConsecutiveFailures, DateTimeOffset? PausedUntil);
