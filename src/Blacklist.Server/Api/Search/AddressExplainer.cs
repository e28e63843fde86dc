using Blacklist.Core.Addresses;
using Blacklist.Core.Snapshots;
using Blacklist.Server.Api.Views;

namespace Blacklist.Server.Api.Search;

/// <summary>Turns a snapshot lookup into the search answer, with a sentence a person can act on.</summary>
internal static class AddressExplainer
{
    /// <summary>Parses <paramref name="input"/> as one address; null with an error when it is not one.</summary>
    public static SearchResult Explain(BlocklistSnapshot snapshot, string? input)
    {
        var text = input ?? "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid(text, "empty input; give one IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::7.");
        }

        if (!IpRangeParser.TryParseAddress(text.AsSpan().Trim(), out var family, out var value, out var error))
        {
            return Invalid(text, $"{error.TrimEnd('.')}. Give one IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::7 (no prefix, no range).");
        }

        var lookup = snapshot.Lookup(family, value);
        var sources = lookup.Indicators.Select(i => i.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new SearchResult(text, Valid: true)
        {
            Ip = lookup.Address,
            Family = FamilyNames.Of(family),
            Blocked = lookup.Blocked,
            Explanation = Sentence(lookup, sources),
            Sources = sources,
            Indicators = lookup.Indicators.Select(IndicatorView.From).ToList(),
            Allowlisted = lookup.Allowlist.Count > 0,
            Allowlist = lookup.Allowlist.Select(AllowlistView.From).ToList(),
            Reserved = lookup.Reserved is { } reserved ? new ReservedView(reserved.Range.ToString(), reserved.Name, lookup.ReservedExcluded) : null,
        };
    }

    private static SearchResult Invalid(string input, string error) => new(input, Valid: false) { Error = error };

    private static string Sentence(AddressLookup lookup, IReadOnlyList<string> sources)
    {
        var listedBy = $"listed by {string.Join(", ", sources)}";
        if (lookup.Blocked)
        {
            return $"Blocked: {listedBy}.";
        }

        if (sources.Count == 0)
        {
            return "Not blocked: no active indicator covers this address.";
        }

        if (lookup.Allowlist.Count > 0)
        {
            var entry = lookup.Allowlist[0];
            return $"Not blocked: {listedBy}, but allowlisted by entry {entry.Id} {entry.Range} ({entry.Reason}).";
        }

        return lookup.ReservedExcluded
            ? $"Not blocked: {listedBy}, but {lookup.Reserved!.Range} is reserved ({lookup.Reserved.Name}) and reserved ranges are never served."
            : $"Not blocked: {listedBy}, but not in the served set.";
    }
}
