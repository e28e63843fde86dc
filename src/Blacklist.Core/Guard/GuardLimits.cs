namespace Blacklist.Core.Guard;

/// <summary>
/// How far one run may differ from the previous successful one before the guard refuses it.
/// Defaults suit public feeds: refuse a list that loses more than half or grows more than
/// fourfold, a prefix wider than IPv4 /8 or IPv6 /32, or more rejected lines than good ones.
/// </summary>
public sealed record GuardLimits
{
    public static GuardLimits Default { get; } = new();

    /// <summary>Refuse when the count falls by more than this fraction (0.5 = lost over half); 1 disables.</summary>
    public double MaxShrinkFraction { get; init; } = 0.5;

    /// <summary>Refuse when the count grows by more than this fraction (3 = over four times as many); null disables.</summary>
    public double? MaxGrowthFraction { get; init; } = 3.0;

    /// <summary>The size checks apply only when the previous run had at least this many entries (small lists swing).</summary>
    public int MinimumBaseline { get; init; } = 100;

    /// <summary>The widest IPv4 prefix accepted: 8 refuses a /7 or wider (and 0.0.0.0/0).</summary>
    public int MaxIpv4PrefixWidth { get; init; } = 8;

    /// <summary>The widest IPv6 prefix accepted: 32 refuses a /31 or wider.</summary>
    public int MaxIpv6PrefixWidth { get; init; } = 32;

    /// <summary>Refuse when more than this fraction of the lines were rejected; 1 disables.</summary>
    public double MaxRejectedFraction { get; init; } = 0.5;

    /// <summary>Accept an empty list even when the previous run had entries (a feed that may legitimately empty).</summary>
    public bool AllowEmpty { get; init; }
}
