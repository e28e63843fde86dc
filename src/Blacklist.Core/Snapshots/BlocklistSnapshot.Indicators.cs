using Blacklist.Core.Indicators;

namespace Blacklist.Core.Snapshots;

public sealed partial class BlocklistSnapshot
{
    /// <summary>The active indicators the snapshot was built from (read-only; feed profiles filter and rank them).</summary>
    public IReadOnlyList<IndicatorRecord> ActiveIndicators => _indicators.Items;
}
