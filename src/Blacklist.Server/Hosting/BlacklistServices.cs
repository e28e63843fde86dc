using Blacklist.Data.Hosting;
using Blacklist.Server.Api.Sources;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Blacklist.Server.Hosting;

/// <summary>
/// The composition shared by the server and the command-line verbs: one configuration, one store.
/// The data directory (Blacklist:DataDirectory, default "data") is relative to the current directory.
/// </summary>
public static class BlacklistServices
{
    public const string DataDirectoryKey = "Blacklist:DataDirectory";

    public static IHostApplicationBuilder AddBlacklistServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var dataDirectory = builder.Configuration[DataDirectoryKey];
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddBlacklistData(builder.Configuration, string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory);
        builder.Services.AddPortalSources(builder.Configuration, string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory);
        return builder;
    }
}
