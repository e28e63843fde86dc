using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Data.Model;
using Blacklist.Data.Storage;

namespace Blacklist.Data.Stores;

/// <summary>Rows to domain records and back.</summary>
internal static class RowMapping
{
    public static IpRange ToRange(byte family, byte[] start, byte[] end)
    {
        var ipFamily = family switch
        {
            (byte)IpFamily.V4 => IpFamily.V4,
            (byte)IpFamily.V6 => IpFamily.V6,
            _ => throw new InvalidDataException($"a stored range has address family {family}; only 4 and 6 exist: the database row is damaged"),
        };
        return new IpRange(ipFamily, RangeBytes.ToValue(start), RangeBytes.ToValue(end));
    }

    public static IndicatorRecord ToRecord(IndicatorRow row) => new(row.Id, row.Source, ToRange(row.Family, row.RangeStart, row.RangeEnd))
    {
        Reason = row.Reason,
        Category = row.Category,
        Country = row.Country,
        Confidence = row.Confidence,
        Score = row.Score,
        DetectedAt = row.DetectedAt,
        FirstSeen = row.FirstSeen,
        LastSeen = row.LastSeen,
        ExpiresAt = row.ExpiresAt,
        RemovedAt = row.RemovedAt,
    };

    public static AllowlistRecord ToRecord(AllowlistRow row) => new(row.Id, ToRange(row.Family, row.RangeStart, row.RangeEnd), row.Reason)
    {
        CreatedAt = row.CreatedAt,
        CreatedBy = row.CreatedBy,
        ExpiresAt = row.ExpiresAt,
    };
}
