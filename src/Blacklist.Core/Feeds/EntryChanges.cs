using System.Numerics;
using Blacklist.Core.Addresses;

namespace Blacklist.Core.Feeds;

/// <summary>
/// The lines to take off and put on a device that holds one list as entries (one merged range per
/// entry, as FortiGate and EDL feeds do) so that it holds another. A device matches entries as text,
/// not addresses: when 1.2.3.5 leaves 1.2.3.0/24, the line 1.2.3.0/24 goes and the two ranges
/// left of it come, so the entries differ from the address delta (<see cref="SetDelta"/>).
/// </summary>
/// <param name="Removed">Entries of the old list that the new one does not have, in address order, IPv4 first.</param>
/// <param name="Added">Entries of the new list that the old one does not have, in address order, IPv4 first.</param>
public sealed record EntryChanges(IReadOnlyList<IpRange> Removed, IReadOnlyList<IpRange> Added)
{
    public bool IsEmpty => Removed.Count == 0 && Added.Count == 0;

    /// <summary>Compares the merged ranges of both lists in one sweep per family.</summary>
    public static EntryChanges Between(IpSet older, IpSet newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var removed = new List<IpRange>();
        var added = new List<IpRange>();
        Sweep(older.V4, newer.V4, IpFamily.V4, removed, added);
        Sweep(older.V6, newer.V6, IpFamily.V6, removed, added);
        return new EntryChanges(removed, added);
    }

    /// <summary>The entries a device holding <paramref name="entries"/> holds after these changes.</summary>
    public IpRange[] ApplyTo(IEnumerable<IpRange> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var removed = Removed.ToHashSet();
        return [.. entries.Where(e => !removed.Contains(e)).Concat(Added).Order()];
    }

    // Entries of one list have distinct firsts, so an entry is kept exactly when the other list has
    // an entry with the same first and the same last.
    private static void Sweep<T>(RangeSet<T> older, RangeSet<T> newer, IpFamily family, List<IpRange> removed, List<IpRange> added)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
    {
        int i = 0, j = 0;
        while (i < older.Count || j < newer.Count)
        {
            if (j >= newer.Count || (i < older.Count && older.Firsts[i] < newer.Firsts[j]))
            {
                removed.Add(Entry(family, older.Firsts[i], older.Lasts[i]));
                i++;
            }
            else if (i >= older.Count || newer.Firsts[j] < older.Firsts[i])
            {
                added.Add(Entry(family, newer.Firsts[j], newer.Lasts[j]));
                j++;
            }
            else
            {
                if (older.Lasts[i] != newer.Lasts[j])
                {
                    removed.Add(Entry(family, older.Firsts[i], older.Lasts[i]));
                    added.Add(Entry(family, newer.Firsts[j], newer.Lasts[j]));
                }

                i++;
                j++;
            }
        }
    }

    private static IpRange Entry<T>(IpFamily family, T first, T last)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
        => new(family, UInt128.CreateTruncating(first), UInt128.CreateTruncating(last));
}
