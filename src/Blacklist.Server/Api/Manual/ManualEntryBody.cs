namespace Blacklist.Server.Api.Manual;

/// <summary>
/// The body of POST /api/blacklist/manual: the address in exactly one of ip, cidr or range, why it
/// is blocked, and optionally a category and an expiry (else the manual source's TTL applies).
/// </summary>
internal sealed record ManualEntryBody(string? Ip, string? Cidr, string? Range, string? Reason, string? Category, DateTimeOffset? ExpiresAt);
