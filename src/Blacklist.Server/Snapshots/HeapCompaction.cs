using System.Runtime;

namespace Blacklist.Server.Snapshots;

/// <summary>
/// Gives the memory of a replaced snapshot back to the operating system. A rebuild at a million
/// entries leaves hundreds of megabytes of garbage (the rows it read, the previous snapshot) that
/// a workstation GC would otherwise keep committed for a long time; one aggressive, compacting
/// collection right after the swap keeps the resident size near what the live snapshot needs.
/// Small snapshots skip it: their garbage is cheap and the pause would buy nothing.
/// </summary>
internal static class HeapCompaction
{
    private const int MinimumIndicators = 100_000;

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
