using Blacklist.Server.Tests.Infrastructure;
using Blacklist.Testing;

namespace Blacklist.Server.Tests.Replicas;

/// <summary>
/// Three replica processes on one real PostgreSQL database and one real redis-server, collecting an
/// http source from a loopback feed server every three seconds. Shared by the tests of
/// <see cref="ThreeReplicaTests"/>, which run alone (their timings are promises about real processes).
/// </summary>
public sealed class ThreeReplicas : IAsyncLifetime
{
    internal const string Source = "loopback";
    internal const string FeedPath = "/list.txt";

    private RedisServer? _redis;
    private LocalFeedServer? _feed;
    private ReplicaCluster? _cluster;

    internal static CronSlots Slots { get; } = new(TimeSpan.FromSeconds(3));

    internal ReplicaCluster Cluster => _cluster ?? throw new InvalidOperationException("The replicas did not start.");

    internal LocalFeedServer Feed => _feed ?? throw new InvalidOperationException("The feed server did not start.");

    internal IReadOnlyList<ReplicaProcess> Replicas => Cluster.Replicas;

    public async Task InitializeAsync()
    {
        var database = await SharedPostgres.DatabaseForAsync("replicas-" + Guid.NewGuid());
        _redis = await RedisServer.StartAsync();
        _feed = await LocalFeedServer.StartAsync();
        _feed.Serve(FeedPath, "45.10.0.1\n45.10.0.2\n2a0b:4d07::1\n");

        // Exactly what an operator puts in the Deployment's environment.
        var prefix = $"Blacklist__Sources__{Source}__";
        _cluster = await ReplicaCluster.StartAsync(3, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__Blacklist"] = database,
            ["Redis__Configuration"] = _redis.Configuration,
            ["Blacklist__Sources__sample__Enabled"] = "false",
            [prefix + "Kind"] = "http",
            [prefix + "Enabled"] = "true",
            [prefix + "Url"] = _feed.UrlFor(FeedPath).ToString(),
            [prefix + "Format"] = "plain",
            [prefix + "Schedule"] = Slots.Expression,
            [prefix + "FullList"] = "true",
            [prefix + "Category"] = "test",
            // The tests poll every replica many times a second from one address.
            ["Blacklist__RateLimits__Feeds__PermitLimit"] = "1000000",
            ["Blacklist__RateLimits__Search__PermitLimit"] = "1000000",
            ["Blacklist__RateLimits__Writes__PermitLimit"] = "1000000",
        });
    }

    public async Task DisposeAsync()
    {
        _cluster?.Dispose();
        if (_feed is not null)
        {
            await _feed.DisposeAsync();
        }

        _redis?.Dispose();
    }
}

[CollectionDefinition(nameof(ThreeReplicaProcesses), DisableParallelization = true)]
public sealed class ThreeReplicaProcesses : ICollectionFixture<ThreeReplicas>;
