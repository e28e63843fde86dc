using System.Globalization;
using Blacklist.Server.Observability;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Blacklist.Server.Caching;

/// <summary>
/// The one Redis connection of this process, and whether it can be used right now. Nothing waits on
/// Redis: while it is unreachable <see cref="Database"/> and <see cref="Subscriber"/> are null, every
/// user falls back to memory, and the time the outage began is kept for /health. StackExchange.Redis
/// reconnects by itself (abortConnect=false, a fixed retry interval); its ConnectionFailed and
/// ConnectionRestored events switch the fallback off and on, and blacklist_cache_fallback_active follows.
/// </summary>
internal sealed partial class SharedCacheConnection(
    IOptions<RedisOptions> options,
    TimeProvider time,
    ILogger<SharedCacheConnection> logger) : IHostedService, IAsyncDisposable
{
    private readonly RedisOptions _options = options.Value;
    private readonly Lock _gate = new();
    private ConnectionMultiplexer? _redis;
    private DateTimeOffset? _unreachableSince;
    private bool _available;

    /// <summary>Raised (on a Redis thread) when the connection comes back after an outage.</summary>
    public event Action? Restored;

    public bool IsConfigured => _options.IsConfigured;

    public RedisOptions Options => _options;

    /// <summary>The database while Redis is reachable, else null (use memory).</summary>
    public IDatabase? Database => Volatile.Read(ref _available) ? _redis?.GetDatabase() : null;

    /// <summary>Pub/sub while Redis is reachable, else null.</summary>
    public ISubscriber? Subscriber => Volatile.Read(ref _available) ? _redis?.GetSubscriber() : null;

    /// <summary>Since when Redis is unreachable, or null while it is reachable (or not configured).</summary>
    public DateTimeOffset? UnreachableSince
    {
        get
        {
            lock (_gate)
            {
                return _unreachableSince;
            }
        }
    }

    /// <summary>What /health says about the cache: "redis", or "memory (redis unreachable since …)".</summary>
    public static string Describe(DateTimeOffset? unreachableSince) => unreachableSince is { } since
        ? $"memory (redis unreachable since {since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)})"
        : "redis";

    public RedisKey Key(string name) => _options.KeyPrefix + name;

    public RedisChannel Channel(string name) => RedisChannel.Literal(_options.KeyPrefix + name);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return;
        }

        var configuration = ConfigurationOptions.Parse(_options.Configuration!);

        // Start and serve while Redis is down; fail commands at once instead of queueing them while
        // disconnected (the caller has memory to fall back on); retry the connection at a fixed pace.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ReconnectRetryPolicy = new LinearRetry((int)_options.ReconnectInterval.TotalMilliseconds);
        configuration.ClientName ??= "blacklist";

        // With abortConnect=false this returns after the first attempt (at most connectTimeout), connected or not.
        ConnectionMultiplexer redis;
        try
        {
            redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not an outage (those are retried) but a setting the client refuses: serve from memory.
            MarkUnreachable($"the client could not be set up: {ex.GetType().Name}");
            LogSetupFailed(logger, ex);
            return;
        }

        redis.ConnectionFailed += OnConnectionFailed;
        redis.ConnectionRestored += OnConnectionRestored;
        _redis = redis;
        if (redis.IsConnected)
        {
            MarkReachable();
        }
        else
        {
            MarkUnreachable("the first connection attempt failed");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _redis, null) is { } redis)
        {
            redis.ConnectionFailed -= OnConnectionFailed;
            redis.ConnectionRestored -= OnConnectionRestored;
            await redis.CloseAsync(allowCommandsToComplete: false);
            await redis.DisposeAsync();
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
        => MarkUnreachable($"{e.FailureType} on the {e.ConnectionType} connection");

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (_redis is { IsConnected: true })
        {
            MarkReachable();
        }
    }

    private void MarkReachable()
    {
        DateTimeOffset? since;
        lock (_gate)
        {
            if (_available)
            {
                return;
            }

            since = _unreachableSince;
            _unreachableSince = null;
            Volatile.Write(ref _available, true);
        }

        BlacklistMetrics.CacheFallbackActive.Set(0);
        if (since is { } outage)
        {
            var seconds = (long)(time.GetUtcNow() - outage).TotalSeconds;
            LogRestored(logger, seconds);
            Restored?.Invoke();
        }
        else
        {
            LogConnected(logger);
        }
    }

    private void MarkUnreachable(string reason)
    {
        lock (_gate)
        {
            Volatile.Write(ref _available, false);
            if (_unreachableSince is not null)
            {
                return;
            }

            _unreachableSince = time.GetUtcNow();
        }

        BlacklistMetrics.CacheFallbackActive.Set(1);
        LogUnreachable(logger, reason);
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Redis connected: rendered lists, the change signal and rate limits are shared between replicas")]
    private static partial void LogConnected(ILogger logger);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Redis unreachable ({Reason}): serving from memory, polling the database for changes, limiting rates per replica; reconnecting in the background")]
    private static partial void LogUnreachable(ILogger logger, string reason);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Information, Message = "Redis reachable again after {Seconds} s: sharing resumes")]
    private static partial void LogRestored(ILogger logger, long seconds);

    [LoggerMessage(EventId = 3208, Level = LogLevel.Error, Message = "The Redis client could not be set up from Redis:Configuration; this replica runs on memory alone until restarted")]
    private static partial void LogSetupFailed(ILogger logger, Exception exception);
}
