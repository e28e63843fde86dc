using Blacklist.Core.Addresses;

namespace Blacklist.Core.Feeds;

/// <summary>
/// The recent versions of one list, kept as per-version deltas (added and removed ranges) rather
/// than whole sets, so memory follows the amount of change, not the list size. Keeps at most
/// <c>maxVersions</c> deltas and none older than <c>maxAge</c>. One writer (the snapshot
/// publisher) calls <see cref="Record"/>; any number of readers ask <see cref="ChangesSince"/>.
/// </summary>
public sealed class FeedHistory
{
    private readonly int _maxVersions;
    private readonly TimeSpan _maxAge;
    private volatile State? _state;

    public FeedHistory(int maxVersions, TimeSpan maxAge)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxVersions);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAge, TimeSpan.Zero);
        _maxVersions = maxVersions;
        _maxAge = maxAge;
    }

    /// <summary>The current version, or null before the first <see cref="Record"/>.</summary>
    public long? CurrentVersion => _state?.Version;

    /// <summary>The oldest version a client can ask changes from, or null before the first <see cref="Record"/>.</summary>
    public long? OldestVersion => _state is { } state ? OldestOf(state) : null;

    /// <summary>Number of deltas retained.</summary>
    public int RetainedDeltas => _state?.Deltas.Length ?? 0;

    /// <summary>
    /// Records the list at a new version and returns the delta from the previous one (null for the
    /// first). A version that is not newer than the current one is ignored.
    /// </summary>
    public SetDelta? Record(long version, IpSet set, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(set);
        var state = _state;
        if (state is null)
        {
            _state = new State(version, set, []);
            return null;
        }

        if (version <= state.Version)
        {
            return null;
        }

        var delta = SetDelta.Between(state.Version, state.Set, version, set);
        var kept = state.Deltas.Where(d => at - d.RecordedAt <= _maxAge).Append(new TimedDelta(delta, at)).ToArray();
        if (kept.Length > _maxVersions)
        {
            kept = kept[^_maxVersions..];
        }

        _state = new State(version, set, kept);
        return delta;
    }

    /// <summary>What was added and removed from version <paramref name="since"/> to the current one.</summary>
    public ChangesAnswer ChangesSince(long since)
    {
        var state = _state;
        if (state is null)
        {
            return new ChangesAnswer(ChangesOutcome.NotReady, null, 0, 0);
        }

        var oldest = OldestOf(state);
        if (since == state.Version)
        {
            return new ChangesAnswer(ChangesOutcome.Changes, SetDelta.None(since), state.Version, oldest);
        }

        if (since > state.Version)
        {
            return new ChangesAnswer(ChangesOutcome.Ahead, null, state.Version, oldest);
        }

        var start = Array.FindIndex(state.Deltas, d => d.Delta.FromVersion == since);
        if (start < 0)
        {
            return new ChangesAnswer(ChangesOutcome.Gone, null, state.Version, oldest);
        }

        var composed = state.Deltas[start].Delta;
        for (var i = start + 1; i < state.Deltas.Length; i++)
        {
            composed = composed.Then(state.Deltas[i].Delta);
        }

        return new ChangesAnswer(ChangesOutcome.Changes, composed, state.Version, oldest);
    }

    private static long OldestOf(State state) => state.Deltas.Length == 0 ? state.Version : state.Deltas[0].Delta.FromVersion;

    private sealed record TimedDelta(SetDelta Delta, DateTimeOffset RecordedAt);

    private sealed record State(long Version, IpSet Set, TimedDelta[] Deltas);
}
