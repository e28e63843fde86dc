namespace Blacklist.Data.Security;

internal sealed class ApiKeyRow
{
    public long Id { get; set; }

    /// <summary>The public part of the key (its prefix), used to find the row; not secret.</summary>
    public string KeyId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the secret part.</summary>
    public byte[] SecretHash { get; set; } = [];

    public SecurityRole Role { get; set; }

    /// <summary>Space-separated extra scopes (none yet beyond the role).</summary>
    public string Scopes { get; set; } = "";

    /// <summary>Space-separated CIDRs the key may be used from; empty means anywhere.</summary>
    public string AllowedCidrs { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
