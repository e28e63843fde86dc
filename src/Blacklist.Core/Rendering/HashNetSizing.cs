using System.Numerics;

namespace Blacklist.Core.Rendering;

/// <summary>
/// maxelem and hashsize for an ipset hash:net set of a given number of entries.
/// </summary>
/// <remarks>
/// <para>maxelem is only a ceiling (memory follows the entries), but `create NAME … -exist` fails
/// when the live set has a different maxelem. So maxelem moves in coarse steps — 65,536 (ipset's
/// default, so sets created by hand with defaults keep loading), then ×4 — and a growing list
/// rarely changes it. When it does change, the script stops at its first line with nothing changed
/// and the operator replaces the live set once (see the script's header).</para>
/// <para>hashsize is the initial number of buckets, a power of two; a quarter of the entries keeps
/// the buckets short, so a load of any size does not resize the table on the way.</para>
/// </remarks>
public static class HashNetSizing
{
    /// <summary>ipset's default maxelem and the smallest this renderer writes.</summary>
    public const long MinMaxElements = 65_536;

    /// <summary>ipset's default hashsize and the smallest this renderer writes.</summary>
    public const long MinHashSize = 1024;

    private const long MaxHashSize = 1L << 30;

    /// <summary>The smallest of 65,536 × 4^k that holds <paramref name="entries"/>.</summary>
    public static long MaxElements(long entries)
    {
        var max = MinMaxElements;
        while (max < entries)
        {
            max *= 4;
        }

        return max;
    }

    /// <summary>A power of two near a quarter of <paramref name="entries"/>, at least 1024.</summary>
    public static long HashSize(long entries)
    {
        var wanted = Math.Clamp((entries + 3) / 4, MinHashSize, MaxHashSize);
        return (long)BitOperations.RoundUpToPowerOf2((ulong)wanted);
    }
}
