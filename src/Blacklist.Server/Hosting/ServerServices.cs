using Blacklist.Data.Contracts;
using Blacklist.Server.Api.Json;
using Blacklist.Server.Api.Problems;
using Blacklist.Server.Api.Search;
using Blacklist.Server.Api.Stats;
using Blacklist.Server.Caching;
using Blacklist.Server.Collection;
using Blacklist.Server.Feeds;
using Blacklist.Server.Observability;
using Blacklist.Server.Push;
using Blacklist.Server.Snapshots;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Blacklist.Server.Hosting;

/// <summary>What serving adds to <see cref="BlacklistServices"/>: the snapshot, the HTTP API and its plumbing.</summary>
internal static class ServerServices
{
    public static WebApplicationBuilder AddBlacklistServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        AddValidatedOptions<SnapshotServiceOptions>(services, SnapshotServiceOptions.Section);
        AddValidatedOptions<ListOptions>(services, ListOptions.Section);
        AddValidatedOptions<SearchOptions>(services, SearchOptions.Section);
        services.AddFeedProfiles(builder.Configuration);
        services.AddFeedPush(builder.Configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SnapshotHolder>();
        services.AddSingleton<DatabaseStatus>();
        services.AddSingleton<ServiceClock>();
        services.AddSingleton<SnapshotService>();

        // Redis (or memory) before the snapshot service starts, so its first load can reuse other replicas' lists.
        services.AddSharedCache(builder.Configuration);

        // After the store's own registrations, so its migration runs before the first snapshot load.
        services.AddHostedService(provider => provider.GetRequiredService<SnapshotService>());

        // A commit wakes this replica's snapshot service and, through Redis, every other replica's.
        services.Replace(ServiceDescriptor.Singleton<IDataChangeNotifier>(provider => provider.GetRequiredService<SnapshotChangeSignal>()));

        services.AddCollection(builder.Configuration);
        services.AddStatsApi();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, timeout: TimeSpan.FromSeconds(3))
            .AddCheck<CollectorsHealthCheck>(CollectorsHealthCheck.Name, timeout: TimeSpan.FromSeconds(3));
        services.AddApiProblemDetails();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        // Lists go out in 64 KB slices; room for four lets a connection's writer run ahead of the
        // socket instead of pausing after every slice (a third more gzip pulls per second at 64
        // connections). Kestrel:Limits:MaxResponseBufferSize, when set, wins.
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configuration) =>
        {
            if (configuration["Kestrel:Limits:MaxResponseBufferSize"] is null)
            {
                kestrel.Limits.MaxResponseBufferSize = 256 * 1024;
            }
        });
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new BigIntegerJsonConverter()));
        services.AddOpenApi(options => options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(System.Numerics.BigInteger))
            {
                schema.Type = Microsoft.OpenApi.JsonSchemaType.Integer;
                schema.Properties?.Clear();
            }

            return Task.CompletedTask;
        }));
        return builder;
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, string section)
        where TOptions : class
        => services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
