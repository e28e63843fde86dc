using System.Text.RegularExpressions;
using Blacklist.Core.Addresses;
using Blacklist.Core.Feeds;
using Blacklist.Core.Rendering;

namespace Blacklist.Server.Feeds;

/// <summary>Turns configured profiles into <see cref="FeedProfile"/>s, naming every setting that is wrong.</summary>
internal static partial class FeedProfileReader
{
    /// <summary>Names a profile cannot have: they are other routes under /api/feeds.</summary>
    private static readonly string[] ReservedNames = ["stats"];

    /// <summary>The profiles, or the list of errors (all of them, each naming the key to fix).</summary>
    public static (IReadOnlyList<FeedProfile> Profiles, IReadOnlyList<string> Errors) Read(FeedsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var profiles = new List<FeedProfile>();
        if (options.HistoryVersions is < 1 or > 10_000)
        {
            errors.Add($"{FeedsOptions.Section}:HistoryVersions must be between 1 and 10000 (it is {options.HistoryVersions}).");
        }

        if (options.HistoryMaxAge <= TimeSpan.Zero)
        {
            errors.Add($"{FeedsOptions.Section}:HistoryMaxAge must be positive, e.g. 1.00:00:00 (it is {options.HistoryMaxAge}).");
        }

        foreach (var (name, settings) in options.Profiles.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (Read(name, settings, errors) is { } profile)
            {
                profiles.Add(profile);
            }
        }

        return (profiles, errors);
    }

    private static FeedProfile? Read(string name, FeedProfileSettings settings, List<string> errors)
    {
        var key = $"{FeedsOptions.Section}:{name}";
        var before = errors.Count;
        if (!ProfileName().IsMatch(name) || ReservedNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{key}: '{name}' cannot be a feed name; use letters, digits, '.', '-' or '_' (at most 64, not 'stats').");
        }

        var format = ListFormat.Plain;
        if (string.IsNullOrWhiteSpace(settings.Format))
        {
            errors.Add($"{key}:Format is missing; use one of: {string.Join(", ", ListRenderers.FormatNames)}.");
        }
        else if (!ListRenderers.TryParseFormat(settings.Format, out format))
        {
            errors.Add($"{key}:Format '{settings.Format}' is not a list format; use one of: {string.Join(", ", ListRenderers.FormatNames)}.");
        }

        FeedFamily family = default;
        if (!TryParseFamily(settings.Family, out family))
        {
            errors.Add($"{key}:Family '{settings.Family}' is not a family; use any, ipv4 or ipv6.");
        }

        if (settings.MinConfidence is < 0 or > 100)
        {
            errors.Add($"{key}:MinConfidence must be between 0 and 100 (it is {settings.MinConfidence}).");
        }

        if (settings.MaxEntries is < 1)
        {
            errors.Add($"{key}:MaxEntries must be at least 1, or left out for no limit (it is {settings.MaxEntries}).");
        }

        foreach (var cidr in settings.Access.Cidrs)
        {
            var parsed = IpRangeParser.Parse((cidr ?? "").AsSpan());
            if (!parsed.Success)
            {
                errors.Add($"{key}:Access:Cidrs '{cidr}' is not an address, CIDR or range: {parsed.Error}");
            }
        }

        if (settings.Access.Keys.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{key}:Access:Keys has an empty key name.");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new FeedProfile(name, format)
        {
            Sources = new HashSet<string>(settings.Sources.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()), StringComparer.Ordinal),
            Categories = new HashSet<string>(settings.Categories.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase),
            MinConfidence = settings.MinConfidence,
            Family = family,
            MaxEntries = settings.MaxEntries,
            ServeReserved = settings.ServeReserved,
            IgnoreAllowlist = settings.IgnoreAllowlist,
        };
    }

    private static bool TryParseFamily(string? text, out FeedFamily family)
    {
        family = text?.Trim().ToLowerInvariant() switch
        {
            null or "" or "any" => FeedFamily.Any,
            "ipv4" or "v4" or "4" => FeedFamily.IPv4,
            "ipv6" or "v6" or "6" => FeedFamily.IPv6,
            _ => (FeedFamily)(-1),
        };
        return Enum.IsDefined(family);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProfileName();
}
