using Blacklist.Core.Addresses;

namespace Blacklist.Core.Indicators;

/// <summary>A stored indicator: one (source, range) with provenance and lifetime.</summary>
public sealed record IndicatorRecord(long Id, string Source, IpRange Range)
{
    public string? Reason { get; init; }

    public string? Category { get; init; }

    public string? Country { get; init; }

    public int Confidence { get; init; }

    public int? Score { get; init; }

    public DateTimeOffset? DetectedAt { get; init; }

    public DateTimeOffset FirstSeen { get; init; }

    public DateTimeOffset LastSeen { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RemovedAt { get; init; }

    /// <summary>The one lifetime rule: active while not removed and now is before expiry.</summary>
    public bool IsActiveAt(DateTimeOffset now) => RemovedAt is null && now < ExpiresAt;
}
