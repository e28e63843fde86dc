using Blacklist.Data.Contracts;
using Blacklist.Server.Snapshots;
using StackExchange.Redis;

namespace Blacklist.Server.Caching;

/// <summary>
/// "The data changed": told by the store after every commit, it wakes this replica's snapshot
/// service and, through Redis pub/sub, every other replica's, which reload from the database at
/// once. A message lost while Redis is down costs only time: every replica also polls the
/// database's change counter (Blacklist:Snapshot:PollInterval).
/// </summary>
internal sealed partial class SnapshotChangeSignal(
    SharedCacheConnection redis,
    SnapshotService snapshots,
    ILogger<SnapshotChangeSignal> logger) : IDataChangeNotifier, IHostedService
{
    private const string ChannelName = "snapshot-changed";

    // Tells this replica's own messages apart from the others'.
    private readonly string _replica = Guid.NewGuid().ToString("N");

    private bool _subscribed;

    public void NotifyChanged()
    {
        snapshots.NotifyChanged();
        if (redis.Subscriber is not { } subscriber)
        {
            return;
        }

        try
        {
            subscriber.Publish(redis.Channel(ChannelName), _replica, CommandFlags.FireAndForget);
        }
        catch (Exception ex)
        {
            LogPublishFailed(logger, ex.GetType().Name);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!redis.IsConfigured)
        {
            return;
        }

        // A subscription made while Redis is down is made again when it comes back.
        redis.Restored += () => _ = SubscribeAsync();
        await SubscribeAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SubscribeAsync()
    {
        if (Volatile.Read(ref _subscribed) || redis.Subscriber is not { } subscriber)
        {
            return;
        }

        try
        {
            var channel = redis.Channel(ChannelName);
            await subscriber.UnsubscribeAsync(channel, OnMessage);
            await subscriber.SubscribeAsync(channel, OnMessage);
            Volatile.Write(ref _subscribed, true);
        }
        catch (Exception ex)
        {
            LogSubscribeFailed(logger, ex.GetType().Name);
        }
    }

    private void OnMessage(RedisChannel channel, RedisValue message)
    {
        if (message != _replica)
        {
            snapshots.NotifyChanged();
        }
    }

    [LoggerMessage(EventId = 3206, Level = LogLevel.Warning, Message = "Publishing the change signal to Redis failed ({Kind}); other replicas see the change at their next poll")]
    private static partial void LogPublishFailed(ILogger logger, string kind);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Warning, Message = "Subscribing to the change signal failed ({Kind}); this replica polls the database until Redis is back")]
    private static partial void LogSubscribeFailed(ILogger logger, string kind);
}
