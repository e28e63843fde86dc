using Blacklist.Core.Addresses;

namespace Blacklist.Core.Indicators;

/// <summary>A range that is never served, whatever any source says.</summary>
public sealed record AllowlistRecord(long Id, IpRange Range, string Reason)
{
    public DateTimeOffset CreatedAt { get; init; }

    public string CreatedBy { get; init; } = "";

    /// <summary>Null means it never expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public bool IsActiveAt(DateTimeOffset now) => ExpiresAt is null || now < ExpiresAt;
}
