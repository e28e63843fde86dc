using Blacklist.Core.Addresses;

namespace Blacklist.Server.Api.Input;

/// <summary>The checks shared by manual entries and allowlist entries, collected per field.</summary>
internal sealed class EntryValidation
{
    public const int MaxReasonLength = 1000;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    /// <summary>Checks address, reason and expiry; returns the range when the address was valid.</summary>
    public IpRange? Check(string? ip, string? cidr, string? range, string? reason, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        IpRange? parsed = null;
        if (RangeInput.TryParse(ip, cidr, range, out var value, out var field, out var error))
        {
            parsed = value;
        }
        else
        {
            Add(field, error);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            Add("reason", "Say why, e.g. \"reason\": \"brute force on ssh, ticket 4711\"; the reason is shown in search results and the audit log.");
        }
        else if (reason.Length > MaxReasonLength)
        {
            Add("reason", $"The reason is {reason.Length} characters long; keep it under {MaxReasonLength}.");
        }

        if (expiresAt is { } expiry && expiry <= now)
        {
            Add("expiresAt", $"{expiry:O} is not in the future (now is {now:O}); give a later time, or leave expiresAt out.");
        }

        return parsed;
    }

    public void Add(string field, string message)
        => _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
