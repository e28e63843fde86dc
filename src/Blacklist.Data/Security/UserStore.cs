using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Blacklist.Data.Security;

internal sealed class UserStore(IDbContextFactory<SecurityDbContext> contexts, ISecurityAuditLog audit, TimeProvider time) : IUserStore
{
    private static readonly PasswordHasher<UserRow> Hasher = new();

    /// <summary>Verified against when the name is unknown, so an unknown name costs as much time as a wrong password.</summary>
    private static readonly string DecoyHash = Hasher.HashPassword(new UserRow(), Guid.NewGuid().ToString());

    public async Task<UserRecord> SetAsync(string name, string password, SecurityRole role, string actor, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100 || name.Any(char.IsControl))
        {
            throw new ArgumentException("A user name is 1 to 100 printable characters.", nameof(name));
        }

        if (password.Length is < 12 or > 1000)
        {
            throw new ArgumentException("A password is 12 to 1000 characters.", nameof(password));
        }

        UserRow row;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            row = await db.Users.SingleOrDefaultAsync(u => u.Name == name, cancellationToken)
                ?? db.Users.Add(new UserRow { Name = name, CreatedAt = time.GetUtcNow() }).Entity;
            row.PasswordHash = Hasher.HashPassword(row, password);
            row.Role = role;
            row.FailedLogins = 0;
            row.LockedUntil = null;
            await db.SaveChangesAsync(cancellationToken);
        }

        await audit.WriteAsync(actor, "user.set", $"user {name}", $"role={role.Name()}", cancellationToken);
        return ToRecord(row);
    }

    public async Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Users.AsNoTracking().OrderBy(u => u.Name).ToListAsync(cancellationToken)).Select(ToRecord).ToList();
    }

    public async Task<bool> SetDisabledAsync(string name, bool disabled, string actor, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.Users.SingleOrDefaultAsync(u => u.Name == name, cancellationToken);
            if (row is null)
            {
                return false;
            }

            row.Disabled = disabled;
            await db.SaveChangesAsync(cancellationToken);
        }

        await audit.WriteAsync(actor, disabled ? "user.disable" : "user.enable", $"user {name}", null, cancellationToken);
        return true;
    }

    public async Task<LoginResult> VerifyAsync(string name, string password, LockoutPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.SingleOrDefaultAsync(u => u.Name == name, cancellationToken);
        if (row is null)
        {
            Hasher.VerifyHashedPassword(new UserRow(), DecoyHash, password);
            return new LoginResult(LoginOutcome.WrongCredentials, null, null);
        }

        if (row.LockedUntil > now)
        {
            return new LoginResult(LoginOutcome.LockedOut, ToRecord(row), row.LockedUntil);
        }

        var verdict = Hasher.VerifyHashedPassword(row, row.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            row.FailedLogins++;
            if (row.FailedLogins >= policy.MaxFailures)
            {
                row.LockedUntil = now + policy.Duration;
                row.FailedLogins = 0;
            }

            await db.SaveChangesAsync(cancellationToken);
            return new LoginResult(row.LockedUntil > now ? LoginOutcome.LockedOut : LoginOutcome.WrongCredentials, ToRecord(row), row.LockedUntil);
        }

        if (row.Disabled)
        {
            return new LoginResult(LoginOutcome.Disabled, ToRecord(row), null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            row.PasswordHash = Hasher.HashPassword(row, password);
        }

        row.FailedLogins = 0;
        row.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        return new LoginResult(LoginOutcome.Succeeded, ToRecord(row), null);
    }

    public async Task<bool> AnyUsableAdminAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.Role == SecurityRole.Admin && !u.Disabled, cancellationToken);
    }

    private static UserRecord ToRecord(UserRow row) => new(row.Id, row.Name, row.Role, row.CreatedAt, row.Disabled, row.FailedLogins, row.LockedUntil);
}
