using Blacklist.Data.Security;

namespace Blacklist.Server.Api.Keys;

internal sealed record KeyBody(string? Name, string? Role, DateTimeOffset? ExpiresAt, int? ExpiresInDays, string[]? AllowedCidrs);

internal sealed record KeyView(long Id, string KeyId, string Name, string Role, IReadOnlyList<string> AllowedCidrs, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static KeyView From(ApiKeyRecord key) => new(key.Id, key.KeyId, key.Name, key.Role.Name(), key.AllowedCidrs, key.CreatedAt, key.CreatedBy, key.ExpiresAt, key.LastUsedAt, key.RevokedAt);
}

/// <summary>A new key: the only answer that ever carries the key text.</summary>
internal sealed record CreatedKeyView(string Key, KeyView Details);
