using Blacklist.Core.Indicators;

namespace Blacklist.Server.Api.Views;

/// <summary>An allowlist entry as the API shows it.</summary>
internal sealed record AllowlistView(long Id, string Range, string Family, string Reason, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ExpiresAt)
{
    public static AllowlistView From(AllowlistRecord record)
        => new(record.Id, record.Range.ToString(), FamilyNames.Of(record.Range.Family), record.Reason, record.CreatedAt, record.CreatedBy, record.ExpiresAt);
}
