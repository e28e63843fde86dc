namespace Blacklist.Data.Security;

/// <summary>People who sign in to the dashboard; passwords hashed with ASP.NET Core Identity's PasswordHasher.</summary>
public interface IUserStore
{
    /// <summary>Creates a user, or sets the password and role of an existing one (and unlocks it).</summary>
    Task<UserRecord> SetAsync(string name, string password, SecurityRole role, string actor, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken);

    Task<bool> SetDisabledAsync(string name, bool disabled, string actor, CancellationToken cancellationToken);

    /// <summary>Checks a password, counting failures and locking the account after <paramref name="policy"/>'s limit.</summary>
    Task<LoginResult> VerifyAsync(string name, string password, LockoutPolicy policy, CancellationToken cancellationToken);

    Task<bool> AnyUsableAdminAsync(CancellationToken cancellationToken);
}

public sealed record UserRecord(long Id, string Name, SecurityRole Role, DateTimeOffset CreatedAt, bool Disabled, int FailedLogins, DateTimeOffset? LockedUntil);

public sealed record LockoutPolicy(int MaxFailures, TimeSpan Duration);

public enum LoginOutcome
{
    Succeeded,
    WrongCredentials,
    LockedOut,
    Disabled,
}

public sealed record LoginResult(LoginOutcome Outcome, UserRecord? User, DateTimeOffset? LockedUntil);
