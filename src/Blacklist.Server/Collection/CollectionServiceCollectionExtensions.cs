using Blacklist.Collectors.Abstractions;
using Blacklist.Collectors.File;
using Blacklist.Collectors.Http;
using Blacklist.Data.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Collection;

public static class CollectionServiceCollectionExtensions
{
    /// <summary>
    /// Registers collection: the "http" and "file" collectors, the sources from Blacklist:Sources
    /// (validated at start-up, every problem listed), the runner, its queue and worker, the cron
    /// scheduler, the global switch and leadership (single-process on SQLite, an advisory lock on PostgreSQL). Other kinds register with
    /// <c>services.AddSingleton&lt;ISourceCollector, X&gt;()</c> (plus, optionally, an
    /// <see cref="ISourceKindValidator"/> and an <see cref="ISourceStatusContributor"/>). Needs
    /// <c>AddBlacklistData</c>; call it after that, so the schema exists before runs start.
    /// </summary>
    public static IServiceCollection AddCollection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(SourceCatalog)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpFeedCollector(configuration);
        services.AddFileFeedCollector();
        services.AddOptions<FileFeedOptions>().Configure<IHostEnvironment>((options, environment) =>
        {
            // Relative feed paths: the data directory first, then where the service runs, then the bundled files.
            options.SearchDirectories.Add(Path.GetFullPath(configuration["Blacklist:DataDirectory"] is { Length: > 0 } data ? data : "data"));
            options.SearchDirectories.Add(environment.ContentRootPath);
            options.SearchDirectories.Add(Directory.GetCurrentDirectory());
            options.SearchDirectories.Add(AppContext.BaseDirectory);
        });

        services.AddSingleton<ISourceKindValidator>(new FeedSourceKindValidator("http"));
        services.AddSingleton<ISourceKindValidator>(new FeedSourceKindValidator("file"));
        services.AddSingleton<IConfigureOptions<SourcesOptions>>(provider => new SourcesOptionsSetup(
            configuration, provider.GetServices<ISourceCollector>(), provider.GetServices<ISourceKindValidator>()));
        services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>();
        services.AddOptions<SourcesOptions>().ValidateOnStart();
        services.AddOptions<CollectionOptions>().Bind(configuration.GetSection(CollectionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // On PostgreSQL several replicas may share the database: one advisory lock picks the collector,
        // and one per source keeps a source's runs (manual ones too) to one replica at a time.
        services.TryAddSingleton<ICollectionLeadership>(provider => provider.GetRequiredService<DataOptions>().Provider == DatabaseProviders.Postgres
            ? ActivatorUtilities.CreateInstance<PostgresAdvisoryLeadership>(provider)
            : new SingleProcessLeadership());
        services.TryAddSingleton<ISourceRunLocks>(provider => provider.GetRequiredService<DataOptions>().Provider == DatabaseProviders.Postgres
            ? ActivatorUtilities.CreateInstance<PostgresSourceRunLocks>(provider)
            : new InProcessSourceRunLocks());
        services.AddSingleton<SourceCatalog>();
        services.AddSingleton<CollectionSwitch>();
        services.AddSingleton<CollectionQueue>();
        services.AddSingleton<CollectionRunner>();
        services.AddSingleton<CollectionCoordinator>();
        services.AddSingleton<CollectionScheduler>();
        services.AddHostedService<CollectionWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<CollectionScheduler>());
        return services;
    }
}
