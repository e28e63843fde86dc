using Blacklist.Core.Snapshots;
using Blacklist.Data.Contracts;

namespace Blacklist.Server.Snapshots;

/// <summary>Reads the active data from the store and builds a snapshot from it (the server's rebuild and the verbs).</summary>
internal static class StoredSnapshot
{
    /// <param name="version">The version to give, from the change counter read.</param>
    public static async Task<BlocklistSnapshot> LoadAsync(IIndicatorStore store, DateTimeOffset now, SnapshotOptions options, Func<long, long> version, CancellationToken cancellationToken)
    {
        var data = await store.LoadActiveAsync(now, cancellationToken);
        return SnapshotBuilder.Build(data.ChangeCounter, data.Indicators, data.Allowlist, now, options, version(data.ChangeCounter));
    }
}
