using System.Threading.RateLimiting;
using Blacklist.Server.Caching;
using StackExchange.Redis;

namespace Blacklist.Server.Security;

/// <summary>
/// One fixed-window budget shared by every replica: a counter in Redis that the first request of
/// a window creates with the window as its expiry (INCRBY, then PEXPIRE when it has none, in one
/// script). While Redis is unreachable, or a call to it fails, the same budget is kept in this
/// process by the framework's <see cref="FixedWindowRateLimiter"/>, so limits still hold per replica.
/// </summary>
/// <remarks>
/// Redis is only asked asynchronously: <see cref="RateLimiter.AttemptAcquire(int)"/> answers "not
/// acquired, no reason" while Redis is in use, and the rate-limiting middleware then waits on
/// <see cref="RateLimiter.AcquireAsync(int, CancellationToken)"/>, which decides.
/// </remarks>
internal sealed class RedisFixedWindowRateLimiter : ReplenishingRateLimiter
{
    private const string WindowScript = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          ttl = tonumber(ARGV[2])
        end
        return {count, ttl}
        """;

    private static readonly SharedWindowLease Acquired = new(acquired: true, retryAfter: null);
    private static readonly SharedWindowLease Undecided = new(acquired: false, retryAfter: null);

    private readonly SharedCacheConnection _redis;
    private readonly RedisKey _key;
    private readonly int _permitLimit;
    private readonly long _windowMilliseconds;
    private readonly FixedWindowRateLimiter _local;
    private readonly TimeProvider _time;
    private long _lastUsed;
    private long _successful;
    private long _failed;

    /// <param name="name">The budget's name in Redis: policy and partition ("feeds:key:42").</param>
    public RedisFixedWindowRateLimiter(SharedCacheConnection redis, string name, int permitLimit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromMilliseconds(1));
        _redis = redis;
        _key = redis.Key("ratelimit:" + name);
        _permitLimit = permitLimit;
        _windowMilliseconds = (long)Math.Ceiling(window.TotalMilliseconds);
        _time = time;
        _lastUsed = time.GetTimestamp();

        // Replenished by whoever replenishes this limiter (the partitioned limiter's heartbeat).
        _local = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitLimit,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = false,
        });
    }

    public override bool IsAutoReplenishing => false;

    public override TimeSpan ReplenishmentPeriod => _local.ReplenishmentPeriod;

    /// <summary>Idle while the local window is full and Redis was not asked for a while; the budget itself lives on in Redis.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            if (_local.IdleDuration is not { } local)
            {
                return null;
            }

            var shared = _time.GetElapsedTime(Interlocked.Read(ref _lastUsed));
            return shared < local ? shared : local;
        }
    }

    public override bool TryReplenish() => _local.TryReplenish();

    public override RateLimiterStatistics? GetStatistics()
    {
        var local = _local.GetStatistics();
        return new RateLimiterStatistics
        {
            CurrentAvailablePermits = local?.CurrentAvailablePermits ?? 0,
            CurrentQueuedCount = 0,
            TotalSuccessfulLeases = Interlocked.Read(ref _successful) + (local?.TotalSuccessfulLeases ?? 0),
            TotalFailedLeases = Interlocked.Read(ref _failed) + (local?.TotalFailedLeases ?? 0),
        };
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
        return _redis.Database is null || permitCount == 0 ? _local.AttemptAcquire(permitCount) : Undecided;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
        if (permitCount > 0 && _redis.Database is { } database)
        {
            try
            {
                var answer = await database.ScriptEvaluateAsync(WindowScript, [_key], [permitCount, _windowMilliseconds]).WaitAsync(cancellationToken);
                var values = (RedisResult[])answer!;
                Interlocked.Exchange(ref _lastUsed, _time.GetTimestamp());
                if ((long)values[0] <= _permitLimit)
                {
                    Interlocked.Increment(ref _successful);
                    return Acquired;
                }

                Interlocked.Increment(ref _failed);
                return new SharedWindowLease(acquired: false, retryAfter: TimeSpan.FromMilliseconds(Math.Max(1, (long)values[1])));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Redis failed mid-call: this request is counted in this process's window instead.
            }
        }

        return await _local.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _local.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _local.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
