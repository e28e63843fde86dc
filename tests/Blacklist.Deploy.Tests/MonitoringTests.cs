using System.Text.Json;
using System.Text.RegularExpressions;
using Blacklist.Deploy.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Blacklist.Deploy.Tests;

/// <summary>deploy/monitoring: alert rules (promtool), their unit tests, scrape configs, dashboard, metric names.</summary>
public sealed partial class MonitoringTests(ITestOutputHelper output)
{
    private const string Rules = MonitoringExpressions.RulesFile;
    private const string RuleTests = "deploy/monitoring/alerts.test.yml";
    private const string Dashboard = MonitoringExpressions.DashboardFile;
    private const string MetricNames = "deploy/monitoring/metric-names.txt";
    private const string PromtoolInstall = "apt-get install prometheus (scripts/test-deps.sh does)";

    /// <summary>Series Prometheus makes itself, not the service.</summary>
    private static readonly HashSet<string> PrometheusSeries = ["up"];

    [Theory]
    [InlineData("check", Rules)]
    [InlineData("test", RuleTests)]
    public async Task Promtool_rules_command_passes(string command, string file)
    {
        var promtool = Tools.Require("promtool", PromtoolInstall, output);
        if (promtool is null)
        {
            return;
        }

        var result = await Tools.RunAsync(promtool, [command, "rules", file]);
        result.ExitCode.ShouldBe(0, result.Output);
    }

    [Fact]
    public async Task Promtool_accepts_the_scrape_configs()
    {
        var promtool = Tools.Require("promtool", PromtoolInstall, output);
        if (promtool is null)
        {
            return;
        }

        var result = await Tools.RunAsync(promtool, ["check", "config", "deploy/monitoring/prometheus.static.yml"]);
        result.ExitCode.ShouldBe(0, result.Output);

        // Debian's promtool is built without Kubernetes service discovery: there only the rest is checked.
        result = await Tools.RunAsync(promtool, ["check", "config", "deploy/monitoring/prometheus.yml"]);
        if (result.ExitCode != 0 && result.Output.Contains("field kubernetes_sd_configs not found", StringComparison.Ordinal))
        {
            output.WriteLine("promtool lacks Kubernetes discovery; prometheus.yml checked by shape only.");
        }
        else
        {
            result.ExitCode.ShouldBe(0, result.Output);
        }

        foreach (var file in new[] { "deploy/monitoring/prometheus.yml", "deploy/monitoring/prometheus.static.yml" })
        {
            var config = Yaml.LoadFile(file);
            config.Child("rule_files").Items().Select(i => i.Scalar()).ShouldContain("alerts.yml", file);
            var job = config.Child("scrape_configs").Items().ShouldHaveSingleItem(file);
            job.Child("job_name").Scalar().ShouldBe("blacklist", file);
            job.Child("metrics_path").Scalar().ShouldBe("/metrics", file);
        }
    }

    [Fact]
    public void The_playbook_alerts_are_there()
    {
        var alerts = Alerts().ToDictionary(a => a.Name, a => a.Expr);
        alerts.Values.ShouldContain("up{job=\"blacklist\"} == 0");
        alerts.Values.ShouldContain(e => e.Contains("histogram_quantile(0.99,", StringComparison.Ordinal)
            && e.Contains("http_request_duration_seconds_bucket{job=\"blacklist\"}", StringComparison.Ordinal)
            && e.EndsWith("> 1.0", StringComparison.Ordinal));
    }

    [Fact]
    public void The_unit_tests_cover_the_playbook_alerts_firing()
    {
        var tested = Yaml.LoadFile(RuleTests).Child("tests").Items()
            .SelectMany(t => t.Child("alert_rule_test").Items())
            .Where(t => t.Child("exp_alerts").Items().Any())
            .Select(t => t.Child("alertname").Scalar())
            .ToHashSet();
        var playbook = Alerts().Where(a => a.Expr == "up{job=\"blacklist\"} == 0" || a.Expr.Contains("http_request_duration_seconds", StringComparison.Ordinal));
        foreach (var alert in playbook)
        {
            tested.ShouldContain(alert.Name);
        }
    }

    [Fact]
    public void Every_alert_has_a_severity_a_summary_and_a_runbook_section_that_exists()
    {
        var anchors = Regex.Matches(Repo.Read("docs/operations.md"), "^#+ (.+)$", RegexOptions.Multiline)
            .Select(m => GitHubAnchor(m.Groups[1].Value))
            .ToHashSet();
        foreach (var alert in Alerts())
        {
            alert.Node.Path("labels", "severity").Scalar().ShouldBeOneOf(["critical", "warning"], alert.Name);
            alert.Node.Path("annotations", "summary").Scalar().ShouldNotBeNullOrWhiteSpace(alert.Name);
            alert.Node.Path("annotations", "description").Scalar().ShouldNotBeNullOrWhiteSpace(alert.Name);
            var runbook = alert.Node.Path("annotations", "runbook_url").Scalar().ShouldNotBeNull(alert.Name);
            runbook.ShouldContain("docs/operations.md#", customMessage: alert.Name);
            anchors.ShouldContain(runbook[(runbook.IndexOf('#', StringComparison.Ordinal) + 1)..], alert.Name);
        }
    }

    [Fact]
    public void Every_expression_selects_job_blacklist()
    {
        foreach (var (where, expr) in Expressions())
        {
            foreach (Match selector in MonitoringExpressions.SelectorPattern().Matches(expr))
            {
                selector.Groups["labels"].Value.ShouldContain("job=\"blacklist\"", customMessage: $"{where}: {selector.Value}");
            }

            // What is left once selectors, label lists and ranges are gone must hold no bare metric name.
            var rest = MonitoringExpressions.SelectorPattern().Replace(expr, " ");
            rest = MonitoringExpressions.LabelListPattern().Replace(rest, " ");
            rest = Regex.Replace(rest, "\\[[^\\]]*\\]", " ");
            var bare = BareNamePattern().Matches(rest).Select(m => m.Value).Where(n => n.Contains('_', StringComparison.Ordinal)).ToList();
            bare.ShouldBeEmpty($"{where}: metric names without a {{job=\"blacklist\"}} selector");
        }
    }

    [Fact]
    public void Metric_names_txt_lists_exactly_the_service_metrics_the_rules_and_dashboard_use()
    {
        var listed = Repo.Read(MetricNames).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var used = Expressions()
            .SelectMany(e => MonitoringExpressions.SelectorPattern().Matches(e.Expr).Select(m => m.Groups["name"].Value))
            .Select(series => BaseName(series, listed))
            .Where(name => !PrometheusSeries.Contains(name))
            .ToHashSet();
        listed.ShouldBeUnique();
        listed.ShouldBe(listed.Order(StringComparer.Ordinal), ignoreOrder: false, customMessage: "sorted");
        listed.ShouldBe(used, ignoreOrder: true);
    }

    [Fact]
    public void The_dashboard_is_a_grafana_dashboard_over_prometheus()
    {
        using var json = JsonDocument.Parse(Repo.Read(Dashboard));
        var root = json.RootElement;
        root.GetProperty("uid").GetString().ShouldNotBeNullOrWhiteSpace();
        root.GetProperty("title").GetString().ShouldBe("blacklist");
        root.GetProperty("templating").GetProperty("list").EnumerateArray()
            .ShouldContain(v => v.GetProperty("name").GetString() == "datasource" && v.GetProperty("query").GetString() == "prometheus");

        var panels = root.GetProperty("panels").EnumerateArray().ToList();
        panels.Select(p => p.GetProperty("id").GetInt32()).ShouldBeUnique();
        foreach (var panel in panels.Where(p => p.GetProperty("type").GetString() != "row"))
        {
            var title = panel.GetProperty("title").GetString();
            panel.GetProperty("datasource").GetProperty("uid").GetString().ShouldBe("${datasource}", title);
            var grid = panel.GetProperty("gridPos");
            (grid.GetProperty("x").GetInt32() + grid.GetProperty("w").GetInt32()).ShouldBeLessThanOrEqualTo(24, title);
            var targets = panel.GetProperty("targets").EnumerateArray().ToList();
            targets.ShouldNotBeEmpty(title);
            targets.ShouldAllBe(t => !string.IsNullOrWhiteSpace(t.GetProperty("expr").GetString()), title);
        }

        var titles = panels.Select(p => p.GetProperty("title").GetString()).ToList();
        titles.ShouldContain("Latency p50 / p99");
        titles.ShouldContain("Cache hit ratio");
    }

    private sealed record Alert(string Name, string Expr, YamlNode Node);

    private static IEnumerable<Alert> Alerts() =>
        Yaml.LoadFile(Rules).Child("groups").Items()
            .SelectMany(g => g.Child("rules").Items())
            .Select(r => new Alert(r.Child("alert").Scalar() ?? "", (r.Child("expr").Scalar() ?? "").Trim(), r));

    private static IEnumerable<(string Where, string Expr)> Expressions() => MonitoringExpressions.Read(Repo.Root);

    /// <summary>A histogram's _bucket, _sum and _count series stand for the histogram's listed name.</summary>
    private static string BaseName(string series, string[] listed)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (!listed.Contains(series) && series.EndsWith(suffix, StringComparison.Ordinal) && listed.Contains(series[..^suffix.Length]))
            {
                return series[..^suffix.Length];
            }
        }

        return series;
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static string GitHubAnchor(string heading) =>
        Regex.Replace(heading.Trim().ToLowerInvariant(), "[^a-z0-9 _-]", "").Replace(' ', '-');

    /// <summary>An identifier that is not a function call.</summary>
    [GeneratedRegex("\\b[a-zA-Z_:][a-zA-Z0-9_:]*\\b(?!\\s*\\()")]
    private static partial Regex BareNamePattern();
}
