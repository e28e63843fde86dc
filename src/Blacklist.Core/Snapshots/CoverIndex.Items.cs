namespace Blacklist.Core.Snapshots;

public sealed partial class CoverIndex<TItem>
{
    /// <summary>The indexed items, in the order they were given.</summary>
    public IReadOnlyList<TItem> Items => _items;
}
