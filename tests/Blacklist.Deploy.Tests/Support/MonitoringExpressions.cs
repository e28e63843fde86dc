using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Blacklist.Deploy.Tests.Support;

/// <summary>
/// The PromQL of deploy/monitoring (alert rules and Grafana dashboard), read from the files, and
/// the series, label matchers and grouping labels in it. Shared with Blacklist.Server.Tests, whose
/// scrape test checks the names against a running service; it depends on YamlDotNet and the BCL only.
/// </summary>
internal static partial class MonitoringExpressions
{
    public const string RulesFile = "deploy/monitoring/alerts.yml";
    public const string DashboardFile = "deploy/monitoring/grafana-dashboard.json";

    /// <summary>A series a query selects: its name and its equality matchers other than job.</summary>
    public sealed record Selector(string Where, string Name, IReadOnlyDictionary<string, string> Matchers);

    /// <summary>Every expression: the alert's name or "dashboard panel TITLE", and the PromQL.</summary>
    public static IEnumerable<(string Where, string Expr)> Read(string repositoryRoot)
    {
        var rules = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(Path.Combine(repositoryRoot, RulesFile))))
        {
            rules.Load(reader);
        }

        foreach (var group in Items(Child(rules.Documents[0].RootNode, "groups")))
        {
            foreach (var rule in Items(Child(group, "rules")))
            {
                yield return ((Child(rule, "alert") as YamlScalarNode)?.Value ?? "", ((Child(rule, "expr") as YamlScalarNode)?.Value ?? "").Trim());
            }
        }

        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(repositoryRoot, DashboardFile)));
        foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        {
            if (!panel.TryGetProperty("targets", out var targets))
            {
                continue;
            }

            foreach (var target in targets.EnumerateArray())
            {
                yield return ($"dashboard panel {panel.GetProperty("title").GetString()}", target.GetProperty("expr").GetString() ?? "");
            }
        }
    }

    /// <summary>The series selectors of an expression (name{labels}).</summary>
    public static IEnumerable<Selector> Selectors(string where, string expr)
        => SelectorPattern().Matches(expr).Select(m => new Selector(
            where,
            m.Groups["name"].Value,
            MatcherPattern().Matches(m.Groups["labels"].Value)
                .Where(l => l.Groups["label"].Value != "job")
                .ToDictionary(l => l.Groups["label"].Value, l => l.Groups["value"].Value, StringComparer.Ordinal)));

    /// <summary>The labels an expression groups or matches by (by, on, without, ignoring, group_left/right), "le" aside.</summary>
    public static IEnumerable<string> GroupingLabels(string expr)
        => LabelListPattern().Matches(expr)
            .SelectMany(m => m.Groups["labels"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(l => l != "le")
            .Distinct(StringComparer.Ordinal);

    /// <summary>A series selector with labels: metric_name{label="value",...}.</summary>
    [GeneratedRegex("(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\\{(?<labels>[^}]*)\\}")]
    public static partial Regex SelectorPattern();

    /// <summary>by (...), on (...), without (...), ignoring (...), group_left (...), group_right (...).</summary>
    [GeneratedRegex("\\b(by|on|without|ignoring|group_left|group_right)\\s*\\((?<labels>[^)]*)\\)")]
    public static partial Regex LabelListPattern();

    /// <summary>An equality matcher inside a selector: label="value" (not =~, != or !~).</summary>
    [GeneratedRegex("(?<label>[a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"(?<value>[^\"]*)\"")]
    private static partial Regex MatcherPattern();

    private static YamlNode? Child(YamlNode? node, string key)
        => node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static IEnumerable<YamlNode> Items(YamlNode? node) => node as YamlSequenceNode ?? Enumerable.Empty<YamlNode>();
}
