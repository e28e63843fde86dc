using Blacklist.Core.Snapshots;
using Blacklist.Data.Contracts;
using Blacklist.Server.Snapshots;

namespace Blacklist.Server.Cli;

/// <summary>The snapshot a verb works on: built from the database now, with the server's settings.</summary>
internal static class VerbSnapshot
{
    public static Task<BlocklistSnapshot> LoadAsync(IHost host, CancellationToken cancellationToken)
    {
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var settings = configuration.GetSection(SnapshotServiceOptions.Section).Get<SnapshotServiceOptions>() ?? new SnapshotServiceOptions();
        return StoredSnapshot.LoadAsync(
            host.Services.GetRequiredService<IIndicatorStore>(),
            host.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
            new SnapshotOptions { ServeReserved = settings.ServeReserved },
            counter => Math.Max(counter, 1),
            cancellationToken);
    }

    public static ListOptions ListOptions(IHost host)
        => host.Services.GetRequiredService<IConfiguration>().GetSection(Snapshots.ListOptions.Section).Get<ListOptions>() ?? new ListOptions();
}
