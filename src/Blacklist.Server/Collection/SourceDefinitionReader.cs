using System.Globalization;
using System.Text.RegularExpressions;
using Blacklist.Collectors.Scheduling;
using Blacklist.Core.Guard;
using Blacklist.Core.Indicators;

namespace Blacklist.Server.Collection;

/// <summary>
/// Turns Blacklist:Sources into <see cref="SourceDefinition"/>s. Every problem is reported as
/// "{path}: what is wrong", and reading goes on, so an operator sees all of them at once.
/// The "manual" source always exists, configured or not.
/// </summary>
internal static partial class SourceDefinitionReader
{
    public static (IReadOnlyList<SourceDefinition> Sources, IReadOnlyList<string> Errors) Read(
        IConfigurationSection section, IReadOnlySet<string> kinds, IEnumerable<ISourceKindValidator> validators)
    {
        var errors = new List<string>();
        var sources = new List<SourceDefinition>();
        foreach (var child in section.GetChildren())
        {
            if (ReadOne(child, kinds, validators, errors) is { } source)
            {
                sources.Add(source);
            }
        }

        if (!sources.Any(s => s.Kind == SourceDefinition.ManualKind))
        {
            sources.Add(new SourceDefinition(SourceDefinition.ManualKind, SourceDefinition.ManualKind, section.GetSection(SourceDefinition.ManualKind))
            {
                Enabled = true,
                Ttl = LifetimePolicy.DefaultManualTtl,
                Confidence = 100,
            });
        }

        return (sources, errors);
    }

    private static SourceDefinition? ReadOne(IConfigurationSection section, IReadOnlySet<string> kinds, IEnumerable<ISourceKindValidator> validators, List<string> errors)
    {
        // Configuration keys ignore case, and the spelling seen here comes from whichever provider
        // (file, environment) named the source last, so names are lower-cased.
        var name = section.Key.ToLowerInvariant();
        var path = section.Path;
        if (!SourceName().IsMatch(name))
        {
            errors.Add($"{path}: '{name}' is not a usable source name; use letters, digits, '-' and '_' (at most 100)");
            return null;
        }

        var isManual = name == SourceDefinition.ManualKind;
        var kind = section["Kind"]?.Trim().ToLowerInvariant() ?? (isManual ? SourceDefinition.ManualKind : null);
        if (kind is null)
        {
            errors.Add($"{path}:Kind: is missing; known kinds: {string.Join(", ", kinds.Order(StringComparer.Ordinal))}");
            return null;
        }

        if (!kinds.Contains(kind))
        {
            errors.Add($"{path}:Kind: '{kind}' is not a known kind; known kinds: {string.Join(", ", kinds.Order(StringComparer.Ordinal))}");
            return null;
        }

        if (isManual != (kind == SourceDefinition.ManualKind))
        {
            errors.Add($"{path}:Kind: only the source named 'manual' has kind 'manual'");
            return null;
        }

        var before = errors.Count;
        var definition = new SourceDefinition(name, kind, section)
        {
            Enabled = ReadBool(section, "Enabled", isManual, errors),
            Schedule = ReadSchedule(section, errors),
            Ttl = ReadTtl(section, isManual ? LifetimePolicy.DefaultManualTtl : LifetimePolicy.DefaultTtl, errors),
            FullList = ReadBool(section, "FullList", kind is "http" or "file", errors),
            Confidence = (int)ReadNumber(section, "Confidence", isManual ? 100 : 50, 0, 100, errors),
            Category = string.IsNullOrWhiteSpace(section["Category"]) ? null : section["Category"]!.Trim(),
            Guard = ReadGuard(section.GetSection("Guard"), errors),
        };
        foreach (var validator in validators.Where(v => v.Kind == kind))
        {
            errors.AddRange(validator.Validate(section));
        }

        return errors.Count == before ? definition : null;
    }

    private static CronSchedule? ReadSchedule(IConfigurationSection section, List<string> errors)
    {
        var text = section["Schedule"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (CronSchedule.TryParse(text, out var schedule, out var error))
        {
            return schedule;
        }

        errors.Add($"{section.Path}:Schedule: {error}");
        return null;
    }

    private static TimeSpan ReadTtl(IConfigurationSection section, TimeSpan fallback, List<string> errors)
    {
        var text = section["Ttl"];
        if (text is null)
        {
            return fallback;
        }

        if (LifetimePolicy.TryParseTtl(text, out var ttl, out var error))
        {
            return ttl;
        }

        errors.Add($"{section.Path}:Ttl: {error}");
        return fallback;
    }

    private static GuardLimits ReadGuard(IConfigurationSection guard, List<string> errors)
    {
        var defaults = GuardLimits.Default;
        var growth = guard["MaxGrowthFraction"];
        return new GuardLimits
        {
            MaxShrinkFraction = ReadNumber(guard, "MaxShrinkFraction", defaults.MaxShrinkFraction, 0, 1, errors),
            MaxGrowthFraction = growth is "" or "none" ? null : ReadNumber(guard, "MaxGrowthFraction", defaults.MaxGrowthFraction ?? 3, 0, 1_000_000, errors),
            MinimumBaseline = (int)ReadNumber(guard, "MinimumBaseline", defaults.MinimumBaseline, 0, int.MaxValue, errors),
            MaxIpv4PrefixWidth = (int)ReadNumber(guard, "MaxIpv4PrefixWidth", defaults.MaxIpv4PrefixWidth, 0, 32, errors),
            MaxIpv6PrefixWidth = (int)ReadNumber(guard, "MaxIpv6PrefixWidth", defaults.MaxIpv6PrefixWidth, 0, 128, errors),
            MaxRejectedFraction = ReadNumber(guard, "MaxRejectedFraction", defaults.MaxRejectedFraction, 0, 1, errors),
            AllowEmpty = ReadBool(guard, "AllowEmpty", defaults.AllowEmpty, errors),
        };
    }

    private static bool ReadBool(IConfigurationSection section, string key, bool fallback, List<string> errors)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        errors.Add($"{section.Path}:{key}: '{text}' is not true or false");
        return fallback;
    }

    private static double ReadNumber(IConfigurationSection section, string key, double fallback, double min, double max, List<string> errors)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(string.Create(CultureInfo.InvariantCulture, $"{section.Path}:{key}: '{text}' is not a number from {min} to {max}"));
        return fallback;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,99}$")]
    private static partial Regex SourceName();
}
