namespace Blacklist.Data.Security;

/// <summary>What a credential may do. Each role includes the ones below it: reader ⊂ operator ⊂ admin.</summary>
public enum SecurityRole
{
    Reader = 1,
    Operator = 2,
    Admin = 3,
}

public static class SecurityRoles
{
    public static string Name(this SecurityRole role) => role switch
    {
        SecurityRole.Reader => "reader",
        SecurityRole.Operator => "operator",
        SecurityRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role."),
    };

    public static bool TryParse(string? text, out SecurityRole role)
    {
        role = text?.Trim().ToLowerInvariant() switch
        {
            "reader" => SecurityRole.Reader,
            "operator" => SecurityRole.Operator,
            "admin" => SecurityRole.Admin,
            _ => 0,
        };
        return role != 0;
    }
}
