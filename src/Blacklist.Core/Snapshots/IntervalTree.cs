using System.Numerics;

namespace Blacklist.Core.Snapshots;

/// <summary>
/// A static interval tree over inclusive ranges of one family, answering "which ranges contain x"
/// in O(log n + k). The ranges are sorted by start and laid out as an implicit binary tree
/// (H. Li's cgranges): node i at level k has its children at i ± 2^(k-1), and each node keeps the
/// largest end in its subtree. A plain running maximum of ends would not do: one wide range
/// early in the order would force a scan of every narrower range after it.
/// </summary>
internal sealed class IntervalTree<TValue>
    where TValue : unmanaged, IBinaryInteger<TValue>
{
    private readonly TValue[] _starts;
    private readonly TValue[] _ends;
    private readonly TValue[] _maxEnds;
    private readonly int[] _positions;
    private readonly int _rootLevel;

    /// <summary>Indexes the ranges; <paramref name="positions"/> says what each range refers to (kept in start order).</summary>
    public IntervalTree(TValue[] starts, TValue[] ends, int[] positions)
    {
        if (starts.Length != ends.Length || starts.Length != positions.Length)
        {
            throw new ArgumentException("starts, ends and positions must have the same length.", nameof(positions));
        }

        _starts = starts;
        _ends = ends;
        _positions = positions;
        SortByStart(_starts, _ends, _positions);
        _maxEnds = new TValue[starts.Length];
        _rootLevel = BuildMaxEnds();
    }

    public int Count => _starts.Length;

    /// <summary>Adds to <paramref name="found"/> the positions of every range containing <paramref name="value"/>, in start order.</summary>
    public void FindContaining(TValue value, List<int> found)
    {
        if (_rootLevel < 0)
        {
            return;
        }

        var n = (long)_starts.Length;
        Span<Frame> stack = stackalloc Frame[64];
        var top = 0;
        stack[top++] = new Frame((1L << _rootLevel) - 1, _rootLevel, false);
        while (top > 0)
        {
            var frame = stack[--top];
            if (frame.Level <= 3)
            {
                // A small subtree: scanning its slice of the sorted array is cheaper than descending.
                var first = frame.Node >> frame.Level << frame.Level;
                var end = Math.Min(first + (1L << (frame.Level + 1)) - 1, n);
                for (var i = first; i < end && _starts[i] <= value; i++)
                {
                    if (_ends[i] >= value)
                    {
                        found.Add(_positions[i]);
                    }
                }
            }
            else if (!frame.LeftDone)
            {
                var left = frame.Node - (1L << (frame.Level - 1));
                stack[top++] = frame with { LeftDone = true };
                if (left >= n || _maxEnds[left] >= value)
                {
                    stack[top++] = new Frame(left, frame.Level - 1, false);
                }
            }
            else if (frame.Node < n && _starts[frame.Node] <= value)
            {
                if (_ends[frame.Node] >= value)
                {
                    found.Add(_positions[frame.Node]);
                }

                stack[top++] = new Frame(frame.Node + (1L << (frame.Level - 1)), frame.Level - 1, false);
            }
        }
    }

    private static void SortByStart(TValue[] starts, TValue[] ends, int[] positions)
    {
        var order = new int[starts.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = (TValue[])starts.Clone();
        Array.Sort(keys, order);
        var sortedEnds = new TValue[ends.Length];
        var sortedPositions = new int[positions.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sortedEnds[i] = ends[order[i]];
            sortedPositions[i] = positions[order[i]];
        }

        keys.CopyTo(starts, 0);
        sortedEnds.CopyTo(ends, 0);
        sortedPositions.CopyTo(positions, 0);
    }

    // Fills _maxEnds bottom-up and returns the root's level (-1 when empty); see cgranges' cr_index_prepare.
    private int BuildMaxEnds()
    {
        var n = (long)_starts.Length;
        if (n == 0)
        {
            return -1;
        }

        long lastIndex = 0;
        var last = TValue.Zero;
        for (long i = 0; i < n; i += 2)
        {
            lastIndex = i;
            last = _maxEnds[i] = _ends[i];
        }

        var level = 1;
        for (; (1L << level) <= n; level++)
        {
            long half = 1L << (level - 1), first = (half << 1) - 1, step = half << 2;
            for (var i = first; i < n; i += step)
            {
                var leftMax = _maxEnds[i - half];
                var rightMax = i + half < n ? _maxEnds[i + half] : last;
                _maxEnds[i] = TValue.Max(_ends[i], TValue.Max(leftMax, rightMax));
            }

            // Track the max end of the rightmost (possibly incomplete) subtree at this level.
            lastIndex = ((lastIndex >> level) & 1) != 0 ? lastIndex - half : lastIndex + half;
            if (lastIndex < n && _maxEnds[lastIndex] > last)
            {
                last = _maxEnds[lastIndex];
            }
        }

        return level - 1;
    }

    private readonly record struct Frame(long Node, int Level, bool LeftDone);
}
