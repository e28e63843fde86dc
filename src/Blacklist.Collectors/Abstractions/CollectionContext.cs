using Microsoft.Extensions.Configuration;

namespace Blacklist.Collectors.Abstractions;

/// <summary>What a collector is asked to do for one run.</summary>
/// <param name="Source">The configured source name (e.g. "regtech", "ipsum-level3").</param>
/// <param name="Settings">The source's configuration section (Blacklist:Sources:{name}).</param>
/// <param name="Parameters">Manual-trigger parameters (start_date, end_date, otp…); empty for scheduled runs.</param>
/// <param name="Trigger">Why the run happens.</param>
public sealed record CollectionContext(
    string Source,
    IConfigurationSection Settings,
    IReadOnlyDictionary<string, string> Parameters,
    RunTrigger Trigger);

public enum RunTrigger
{
    Scheduled,
    Manual,
    Import,
}
