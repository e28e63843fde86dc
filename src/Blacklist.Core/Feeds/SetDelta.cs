using Blacklist.Core.Addresses;

namespace Blacklist.Core.Feeds;

/// <summary>
/// What changed between two versions of a list: <see cref="Added"/> = new − old and
/// <see cref="Removed"/> = old − new (disjoint). Applying it to the old list gives the new one.
/// </summary>
public sealed record SetDelta(long FromVersion, long ToVersion, IpSet Added, IpSet Removed)
{
    public bool IsEmpty => Added.IsEmpty && Removed.IsEmpty;

    /// <summary>The delta from <paramref name="older"/> to <paramref name="newer"/> (one sweep per family over the sorted ranges).</summary>
    public static SetDelta Between(long fromVersion, IpSet older, long toVersion, IpSet newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var (addedV4, removedV4) = SymmetricDifference.Of(older.V4, newer.V4);
        var (addedV6, removedV6) = SymmetricDifference.Of(older.V6, newer.V6);
        return new SetDelta(fromVersion, toVersion, new IpSet(addedV4, addedV6), new IpSet(removedV4, removedV6));
    }

    /// <summary>No change at <paramref name="version"/>.</summary>
    public static SetDelta None(long version) => new(version, version, IpSet.Empty, IpSet.Empty);

    /// <summary>(list − Removed) ∪ Added.</summary>
    public IpSet ApplyTo(IpSet list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.Except(Removed).Union(Added);
    }

    /// <summary>The list this delta started from, given the list it led to: (list − Added) ∪ Removed.</summary>
    public IpSet UndoFrom(IpSet list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.Except(Added).Union(Removed);
    }

    /// <summary>
    /// This delta followed by <paramref name="next"/>, as one delta:
    /// added = (A1 − R2) ∪ (A2 − R1), removed = (R1 − A2) ∪ (R2 − A1).
    /// </summary>
    public SetDelta Then(SetDelta next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.FromVersion != ToVersion)
        {
            throw new ArgumentException($"Delta {next.FromVersion}→{next.ToVersion} does not follow {FromVersion}→{ToVersion}.", nameof(next));
        }

        return new SetDelta(
            FromVersion,
            next.ToVersion,
            Added.Except(next.Removed).Union(next.Added.Except(Removed)),
            Removed.Except(next.Added).Union(next.Removed.Except(Added)));
    }
}
