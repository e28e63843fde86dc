using Blacklist.Core.Feeds;
using Blacklist.Server.Feeds;

namespace Blacklist.Server.Push;

/// <summary>
/// Decides what a device needs to hold a profile's current list: a delta when the profile's
/// history (<see cref="FeedHistory"/>) reaches back to the version the device holds, else a snapshot.
/// </summary>
internal static class PushPlanner
{
    /// <param name="deviceVersion">The version the device is known to hold; null when unknown (first push, or after a failure).</param>
    /// <param name="unknownReason">Why the device's version is unknown, for the log and status.</param>
    public static PushPlan Plan(FeedPublisher publisher, FeedGeneration generation, string profile, long? deviceVersion, string unknownReason)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(generation);
        var set = generation.Feeds[profile].Fitted.Set;
        if (deviceVersion is not { } held)
        {
            return Snapshot(generation, set, unknownReason);
        }

        if (held == generation.Version)
        {
            return new PushPlan(PushMode.Unchanged, held, [], [], set.RangeCount);
        }

        var answer = publisher.ChangesSince(profile, held);
        if (answer.Outcome != ChangesOutcome.Changes || answer.CurrentVersion != generation.Version)
        {
            return Snapshot(generation, set, answer.Outcome == ChangesOutcome.Gone
                ? $"version {held} is no longer in the history (oldest kept: {answer.OldestVersion})"
                : $"the history does not lead from version {held} to {generation.Version}");
        }

        // The device holds lines, not addresses: compare the entries of the list it holds with the current ones.
        var heldSet = answer.Delta!.UndoFrom(set);
        var changes = EntryChanges.Between(heldSet, set);
        return changes.IsEmpty
            ? new PushPlan(PushMode.Unchanged, generation.Version, [], [], set.RangeCount)
            : new PushPlan(PushMode.Delta, generation.Version, changes.Removed, changes.Added, set.RangeCount);
    }

    private static PushPlan Snapshot(FeedGeneration generation, Core.Addresses.IpSet set, string reason)
        => new(PushMode.Snapshot, generation.Version, [], [.. set.Ranges()], set.RangeCount, reason);
}
