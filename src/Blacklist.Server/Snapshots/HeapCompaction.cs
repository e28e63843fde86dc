using System.Runtime;

namespace Blacklist.Server.Snapshots;

/// <summary>
/// Gives the memory of a replaced snapshot back to the operating system. A rebuild at a million
/// entries leaves hundreds of megabytes of garbage (the rows it read, the previous snapshot) that
/// a workstation GC would otherwise keep committed for a long time; an aggressive, compacting
/// collection after the snapshot's swap and again after the feeds' keeps the resident size near
/// what the live data needs, and the peak of a rebuild (old and new side by side) lower.
/// Small snapshots skip it: their garbage is cheap and the pause would buy nothing.
/// </summary>
internal static class HeapCompaction
{
    private const int MinimumIndicators = 100_000;

    /// <summary>
    /// Frees what one large build left (a profile's ranking, its sorted copies) before the next one
    /// allocates: large arrays are only reclaimed by full collections, which the GC would otherwise
    /// put off until several builds' worth had piled up. Not compacting; the last step does that.
    /// </summary>
    public static void BetweenLargeBuilds(int indicators)
    {
        if (indicators >= MinimumIndicators)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        }
    }

    public static void AfterRebuild(int indicators)
    {
        if (indicators < MinimumIndicators)
        {
            return;
        }

        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
