namespace Blacklist.Data.Security;

public interface IApiKeyStore
{
    /// <summary>Creates a key with a fresh random secret; the returned key text is shown once and never stored.</summary>
    Task<CreatedApiKey> CreateAsync(ApiKeyRequest request, string actor, CancellationToken cancellationToken);

    Task<StoredApiKey?> FindAsync(string keyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>False when there is no such key or it was already revoked.</summary>
    Task<bool> RevokeAsync(long id, string actor, CancellationToken cancellationToken);

    Task TouchAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the key only when no usable admin key and no enabled admin user exists, as one atomic
    /// step across processes on the database; null when an admin exists (first start creates one).
    /// </summary>
    Task<CreatedApiKey?> CreateFirstAdminAsync(ApiKeyRequest request, string actor, CancellationToken cancellationToken);
}
