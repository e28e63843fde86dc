namespace Blacklist.Server.Api.Allowlist;

/// <summary>The body of POST /api/allowlist: the address in exactly one of ip, cidr or range, why, and an optional expiry.</summary>
internal sealed record AllowlistBody(string? Ip, string? Cidr, string? Range, string? Reason, DateTimeOffset? ExpiresAt);
