namespace Blacklist.Core.Parsing.Csv;

/// <summary>
/// abuse.ch Feodo Tracker's botnet C2 CSV: '#' banner lines, the header
/// "first_seen_utc","dst_ip","dst_port","c2_status","last_online","malware" (plain or in a comment),
/// then one C2 server per row, times in UTC.
/// </summary>
internal static class FeodoTracker
{
    public static CsvFeedOptions Options { get; } = new(
        new CsvColumnMapping { Address = "dst_ip", Reason = "malware", DetectedAt = "first_seen_utc" },
        (byte)',',
        HasHeader: true,
        TimeZoneInfo.Utc)
    {
        Category = "botnet-c2",
        HeaderMayBeComment = true,
        Attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["dst_port"] = "port",
            ["c2_status"] = "status",
            ["last_online"] = "last_online",
        },
    };
}
