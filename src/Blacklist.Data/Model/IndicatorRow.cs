namespace Blacklist.Data.Model;

/// <summary>One (source, range) with provenance and lifetime. Range bounds are 16-byte big-endian.</summary>
internal sealed class IndicatorRow
{
    public long Id { get; set; }

    public string Source { get; set; } = "";

    public byte Family { get; set; }

    public byte[] RangeStart { get; set; } = [];

    public byte[] RangeEnd { get; set; } = [];

    /// <summary>The range as people write it, for ad-hoc SQL; never parsed back.</summary>
    public string RangeText { get; set; } = "";

    public string? Reason { get; set; }

    public string? Category { get; set; }

    public string? Country { get; set; }

    public int Confidence { get; set; }

    public int? Score { get; set; }

    public DateTimeOffset? DetectedAt { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset LastSeen { get; set; }

    /// <summary>The source's explicit release date, when it gave one; it fixes <see cref="ExpiresAt"/>.</summary>
    public DateTimeOffset? ReleasedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RemovedAt { get; set; }

    /// <summary>The source's raw attributes as a JSON object.</summary>
    public string? Attributes { get; set; }
}
