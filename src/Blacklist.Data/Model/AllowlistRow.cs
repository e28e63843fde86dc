namespace Blacklist.Data.Model;

internal sealed class AllowlistRow
{
    public long Id { get; set; }

    public byte Family { get; set; }

    public byte[] RangeStart { get; set; } = [];

    public byte[] RangeEnd { get; set; } = [];

    public string RangeText { get; set; } = "";

    public string Reason { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset? ExpiresAt { get; set; }
}
