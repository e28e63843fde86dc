using Blacklist.Collectors.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Blacklist.Collectors.File;

public static class FileFeedServiceCollectionExtensions
{
    /// <summary>Registers the "file" collector; configure <see cref="FileFeedOptions"/> to say where relative paths are looked up.</summary>
    public static IServiceCollection AddFileFeedCollector(this IServiceCollection services)
    {
        services.AddOptions<FileFeedOptions>();
        services.AddSingleton<ISourceCollector, FileFeedCollector>();
        return services;
    }
}
