using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Security;

internal sealed class ApiKeyStore(IDbContextFactory<SecurityDbContext> contexts, ISecurityAuditLog audit, TimeProvider time) : IApiKeyStore
{
    /// <summary>Serialises first-admin creation across replicas: advisory lock "blfadm" in ASCII (0x626C6661646D).</summary>
    private const string FirstAdminLockSql = "SELECT pg_advisory_xact_lock(108217713648749)";

    private static readonly char[] Separators = [' ', ',', ';'];

    public async Task<CreatedApiKey> CreateAsync(ApiKeyRequest request, string actor, CancellationToken cancellationToken)
    {
        var (row, secret) = NewRow(request, actor);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.ApiKeys.Add(row);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await AuditedAsync(row, secret, actor, cancellationToken);
    }

    public async Task<CreatedApiKey?> CreateFirstAdminAsync(ApiKeyRequest request, string actor, CancellationToken cancellationToken)
    {
        var (row, secret) = NewRow(request, actor);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // One writer at a time: SQLite's transaction is BEGIN IMMEDIATE; PostgreSQL waits on a
            // transaction-scoped advisory lock. Replicas starting together create one key between them.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync(FirstAdminLockSql, cancellationToken);
            }

            if (await AnyUsableAdminAsync(db, cancellationToken) || await db.Users.AnyAsync(u => u.Role == SecurityRole.Admin && !u.Disabled, cancellationToken))
            {
                return null;
            }

            db.ApiKeys.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await AuditedAsync(row, secret, actor, cancellationToken);
    }

    public async Task<StoredApiKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyId == keyId, cancellationToken);
        return row is null ? null : new StoredApiKey(ToRecord(row), row.SecretHash);
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);
        return rows.Select(ToRecord).ToList();
    }

    public async Task<bool> RevokeAsync(long id, string actor, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
            if (row is null || row.RevokedAt is not null)
            {
                return false;
            }

            row.RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        await audit.WriteAsync(actor, "key.revoke", $"key {id}", null, cancellationToken);
        return true;
    }

    public async Task TouchAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, at), cancellationToken);
    }

    private async Task<bool> AnyUsableAdminAsync(SecurityDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expiries = await db.ApiKeys.AsNoTracking().Where(k => k.Role == SecurityRole.Admin && k.RevokedAt == null).Select(k => k.ExpiresAt).ToListAsync(cancellationToken);
        return expiries.Any(expires => expires is null || expires > now);
    }

    private (ApiKeyRow Row, ApiKeySecret Secret) NewRow(ApiKeyRequest request, string actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name.Trim();
        if (name.Length is 0 or > 100 || name.Any(char.IsControl))
        {
            throw new ArgumentException("A key name is 1 to 100 printable characters.", nameof(request));
        }

        var secret = ApiKeySecret.Generate();
        var row = new ApiKeyRow
        {
            KeyId = secret.KeyId,
            Name = name,
            SecretHash = secret.Hash(),
            Role = request.Role,
            AllowedCidrs = string.Join(' ', request.AllowedCidrs),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = actor,
            ExpiresAt = request.ExpiresAt,
        };
        return (row, secret);
    }

    private async Task<CreatedApiKey> AuditedAsync(ApiKeyRow row, ApiKeySecret secret, string actor, CancellationToken cancellationToken)
    {
        await audit.WriteAsync(actor, "key.create", $"key {row.Id} ({row.KeyId})", $"name={row.Name} role={row.Role.Name()}", cancellationToken);
        return new CreatedApiKey(ToRecord(row), secret.Text);
    }

    private static ApiKeyRecord ToRecord(ApiKeyRow row) => new(
        row.Id,
        row.KeyId,
        row.Name,
        row.Role,
        row.AllowedCidrs.Split(Separators, StringSplitOptions.RemoveEmptyEntries),
        row.CreatedAt,
        row.CreatedBy,
        row.ExpiresAt,
        row.LastUsedAt,
        row.RevokedAt);
}
