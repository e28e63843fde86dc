using System.Numerics;

namespace Blacklist.Core.Addresses;

/// <summary>Binary search shaped for sorted range starts.</summary>
internal static class SortedSearch
{
    /// <summary>
    /// The largest index in [<paramref name="start"/>, <paramref name="end"/>) whose value is at or
    /// below <paramref name="value"/>, or start - 1 when there is none. The halving loop has one
    /// data-dependent move per step, which the JIT turns into a conditional move (no mispredictions).
    /// </summary>
    public static int LastAtOrBelow<T>(T[] sorted, int start, int end, T value)
        where T : IComparisonOperators<T, T, bool>
    {
        var length = end - start;
        if (length <= 0)
        {
            return start - 1;
        }

        var at = start;
        while (length > 1)
        {
            var half = length >> 1;
            at = sorted[at + half] <= value ? at + half : at;
            length -= half;
        }

        return sorted[at] <= value ? at : at - 1;
    }
}
