using System.Security.Claims;
using Blacklist.Data.Security;

namespace Blacklist.Server.Security;

/// <summary>Builds principals: a role claim for the role and every role below it, so policies just require a role.</summary>
internal static class RoleClaims
{
    public static ClaimsPrincipal Principal(string name, SecurityRole role, string authenticationType, params Claim[] extra)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.NameIdentifier, name) };
        for (var included = SecurityRole.Reader; included <= role; included++)
        {
            claims.Add(new Claim(ClaimTypes.Role, included.Name()));
        }

        claims.AddRange(extra);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The highest role a principal holds, or null.</summary>
    public static SecurityRole? HighestRole(ClaimsPrincipal user)
    {
        for (var role = SecurityRole.Admin; role >= SecurityRole.Reader; role--)
        {
            if (user.IsInRole(role.Name()))
            {
                return role;
            }
        }

        return null;
    }
}
