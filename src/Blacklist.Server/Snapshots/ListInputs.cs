using Blacklist.Core.Rendering;
using Blacklist.Core.Snapshots;

namespace Blacklist.Server.Snapshots;

/// <summary>What a format of a snapshot is rendered from (the same for the HTTP payloads and `blacklist export`).</summary>
internal static class ListInputs
{
    public const string ListName = "blacklist";

    /// <summary>The render input of one format, with the device cap applied, and the entries it will write.</summary>
    public static (RenderInput Input, long Entries) For(BlocklistSnapshot snapshot, ListFormat format, ListOptions options)
    {
        var set = snapshot.Active;
        long? totalBeforeCap = null;
        var entries = ListRenderers.CountEntries(format, set);
        if (format == ListFormat.FortiGate && entries > options.FortiGateMaxEntries)
        {
            // FortiGate entries are merged ranges, so the strongest ranges are kept.
            set = EntryRanking.Top(snapshot, set.Ranges(), options.FortiGateMaxEntries);
            totalBeforeCap = entries;
            entries = ListRenderers.CountEntries(format, set);
        }

        var input = new RenderInput(set)
        {
            Version = snapshot.Version,
            GeneratedAt = snapshot.BuiltAt,
            Name = ListName,
            TotalBeforeCap = totalBeforeCap,
        };
        return (input, entries);
    }
}
