namespace Blacklist.Data.Security;

internal sealed class UserRow
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>ASP.NET Core Identity's PasswordHasher format (PBKDF2, salted, versioned).</summary>
    public string PasswordHash { get; set; } = "";

    public SecurityRole Role { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool Disabled { get; set; }

    public int FailedLogins { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
