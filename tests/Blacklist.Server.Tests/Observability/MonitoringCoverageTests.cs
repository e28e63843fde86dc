using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Blacklist.Deploy.Tests.Support;
using Blacklist.Server.Tests.Collection;
using Blacklist.Server.Tests.Infrastructure;
using Blacklist.Server.Tests.Security;

namespace Blacklist.Server.Tests.Observability;

/// <summary>
/// Every series the alert rules and the Grafana dashboard query (read from deploy/monitoring, not
/// listed here) is in a running service's /metrics, with the label values and grouping labels the
/// queries use, once the events behind them happened: collection runs, a refusal, feed pulls,
/// cache hits, a failed login, a rate-limit rejection.
/// </summary>
[Collection(nameof(ProcessWideMetrics))]
public sealed partial class MonitoringCoverageTests
{
    /// <summary>Series Prometheus makes itself when it scrapes, not the service.</summary>
    private static readonly HashSet<string> ScrapeSeries = ["up"];

    private static readonly string Feed = string.Join('\n', Enumerable.Range(1, 200).Select(i => $"198.51.{i / 100}.{i % 100 + 1}")) + "\n";

    [Fact]
    public async Task Every_series_the_rules_and_the_dashboard_query_is_exported()
    {
        var exported = Parse(await DriveAndScrapeAsync());
        var expressions = MonitoringExpressions.Read(RepositoryRoot()).ToList();
        expressions.Count.ShouldBeGreaterThan(20);

        var problems = new List<string>();
        var checkedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (where, expr) in expressions)
        {
            var selectors = MonitoringExpressions.Selectors(where, expr).Where(s => !ScrapeSeries.Contains(s.Name)).ToList();
            foreach (var selector in selectors)
            {
                checkedNames.Add(selector.Name);
                if (!exported.Any(s => s.Name == selector.Name && selector.Matchers.All(m => s.Labels.GetValueOrDefault(m.Key) == m.Value)))
                {
                    problems.Add($"{where}: no series {selector.Name}{{{string.Join(',', selector.Matchers.Select(m => $"{m.Key}=\"{m.Value}\""))}}}");
                }
            }

            var names = selectors.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var label in MonitoringExpressions.GroupingLabels(expr))
            {
                if (names.Count > 0 && !exported.Any(s => names.Contains(s.Name) && s.Labels.ContainsKey(label)))
                {
                    problems.Add($"{where}: groups by '{label}', which none of {string.Join(", ", names)} carries");
                }
            }
        }

        problems.ShouldBeEmpty();

        // metric-names.txt (the list the rules are reviewed against) names nothing the scrape lacks.
        var listed = File.ReadAllLines(Path.Combine(RepositoryRoot(), "deploy/monitoring/metric-names.txt")).Where(l => l.Length > 0).ToList();
        listed.ShouldAllBe(name => exported.Any(s => s.Name == name || s.Name == name + "_bucket" || s.Name == name + "_count"));
        checkedNames.Count.ShouldBeGreaterThanOrEqualTo(listed.Count);
    }

    /// <summary>Makes the service do what the labelled series count, then scrapes it.</summary>
    private static async Task<string> DriveAndScrapeAsync()
    {
        await using var feeds = await LocalFeedServer.StartAsync();
        feeds.Serve("/feed.txt", Feed);
        feeds.Serve("/broken.txt", FeedResponse.Text("down") with { StatusCode = 503 });
        await using var factory = new BlacklistAppFactory()
            .With("Blacklist:Collection:Scheduler", "false")
            .With("Blacklist:Http:Retries", "0")
            .With("Blacklist:RateLimits:Search:PermitLimit", "1")
            .With("Blacklist:RateLimits:Search:Window", "00:10:00")
            .WithHttpSource("feed", feeds.UrlFor("/feed.txt"))
            .WithHttpSource("broken", feeds.UrlFor("/broken.txt"));
        var client = factory.CreateClient();

        (await client.TriggerAndWaitAsync("feed")).GetProperty("status").GetString().ShouldBe("succeeded");
        (await client.TriggerAndWaitAsync("broken")).GetProperty("status").GetString().ShouldBe("failed");
        feeds.Serve("/feed.txt", "198.51.0.2\n");
        (await client.TriggerAndWaitAsync("feed")).GetProperty("status").GetString().ShouldBe("refused");

        for (var i = 0; i < 2; i++)
        {
            (await client.GetAsync("/api/blacklist/active")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var browser = LoginTests.Browser(factory);
        (await browser.PostAsJsonAsync("/api/auth/login", new { username = "nobody", password = "wrong" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/stats")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/stats")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await client.GetAsync("/api/no-such-route")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        return await factory.CreateAnonymousClient().GetStringAsync("/metrics");
    }

    private sealed record Series(string Name, IReadOnlyDictionary<string, string> Labels);

    /// <summary>The samples of a Prometheus text exposition.</summary>
    private static List<Series> Parse(string exposition)
        => exposition.Split('\n')
            .Select(line => SamplePattern().Match(line))
            .Where(m => m.Success)
            .Select(m => new Series(
                m.Groups["name"].Value,
                LabelPattern().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups["label"].Value, l => l.Groups["value"].Value, StringComparer.Ordinal)))
            .ToList();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, MonitoringExpressions.RulesFile)))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"{MonitoringExpressions.RulesFile} was not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? \S+")]
    private static partial Regex SamplePattern();

    [GeneratedRegex(@"(?<label>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPattern();
}
