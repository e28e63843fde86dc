using Blacklist.Core.Indicators;

namespace Blacklist.Server.Api.Views;

/// <summary>An indicator as the API shows it: where it comes from, why, and its lifetime.</summary>
internal sealed record IndicatorView(
    long Id,
    string Source,
    string Range,
    string Family,
    string? Reason,
    string? Category,
    string? Country,
    int Confidence,
    int? Score,
    DateTimeOffset? DetectedAt,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RemovedAt)
{
    public static IndicatorView From(IndicatorRecord record) => new(
        record.Id,
        record.Source,
        record.Range.ToString(),
        FamilyNames.Of(record.Range.Family),
        record.Reason,
        record.Category,
        record.Country,
        record.Confidence,
        record.Score,
        record.DetectedAt,
        record.FirstSeen,
        record.LastSeen,
        record.ExpiresAt,
        record.RemovedAt);
}
