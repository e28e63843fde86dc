namespace Blacklist.Data.Security;

/// <summary>A stored key as the API and the CLI show it (never its hash).</summary>
public sealed record ApiKeyRecord(
    long Id,
    string KeyId,
    string Name,
    SecurityRole Role,
    IReadOnlyList<string> AllowedCidrs,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>What creating a key returns: its record and the key text, which exists nowhere else.</summary>
public sealed record CreatedApiKey(ApiKeyRecord Record, string Key);

public sealed record ApiKeyRequest(string Name, SecurityRole Role, DateTimeOffset? ExpiresAt, IReadOnlyList<string> AllowedCidrs);

/// <summary>A key looked up for authentication, with its stored hash for the caller's constant-time check.</summary>
public sealed record StoredApiKey(ApiKeyRecord Record, byte[] SecretHash);
