using Microsoft.Extensions.Options;

namespace Blacklist.Server.Security;

/// <summary>Checks each budget (DataAnnotations does not look into nested objects).</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        foreach (var policy in RateLimitPolicies.All)
        {
            var budget = options.For(policy);
            if (budget.PermitLimit < 1)
            {
                failures.Add($"{RateLimitOptions.Section}:{policy}:PermitLimit must be at least 1 (it is {budget.PermitLimit}).");
            }

            if (budget.Window < TimeSpan.FromSeconds(1) || budget.Window > TimeSpan.FromDays(1))
            {
                failures.Add($"{RateLimitOptions.Section}:{policy}:Window must be between 00:00:01 and 1.00:00:00 (it is {budget.Window}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
