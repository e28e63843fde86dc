using Blacklist.Core.Addresses;
using Blacklist.Data.Security;

namespace Blacklist.Server.Api.Keys;

/// <summary>Turns key-creation input (API body or CLI options) into a request, or the errors to fix. Shared by the API and `blacklist keys create`.</summary>
internal static class KeyRequestReader
{
    public const int MaxCidrs = 100;

    public static ApiKeyRequest? Read(string? name, string? role, DateTimeOffset? expiresAt, TimeSpan? expiresIn, IReadOnlyList<string>? cidrs, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100 || name.Any(char.IsControl))
        {
            errors["name"] = ["A name of 1 to 100 printable characters is required (who or what uses the key)."];
        }

        if (!SecurityRoles.TryParse(role, out var parsedRole))
        {
            errors["role"] = ["The role is one of reader, operator, admin."];
        }

        var expires = expiresAt ?? (expiresIn is { } span ? now + span : null);
        if (expires is { } at && at <= now)
        {
            errors["expiresAt"] = ["The expiry must be in the future."];
        }

        var networks = new List<string>();
        foreach (var cidr in cidrs ?? [])
        {
            var parsed = IpRangeParser.Parse((cidr ?? "").Trim().AsSpan());
            if (!parsed.Success)
            {
                errors["allowedCidrs"] = [$"'{cidr}' is not an address or CIDR network ({parsed.Error})."];
                break;
            }

            networks.Add(cidr!.Trim());
        }

        if (networks.Count > MaxCidrs)
        {
            errors["allowedCidrs"] = [$"At most {MaxCidrs} networks per key."];
        }

        return errors.Count == 0 ? new ApiKeyRequest(name!.Trim(), parsedRole, expires, networks) : null;
    }
}
