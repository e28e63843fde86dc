using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Blacklist.Server.Feeds;
using Blacklist.Server.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Blacklist.Server.Tests.Feeds;

public sealed class FeedsApiTests
{
    [Fact]
    public async Task Lists_the_ready_made_and_configured_profiles_with_urls_and_limits()
    {
        await using var app = ServedApp.Start(new BlacklistAppFactory()
            .With("Blacklist:Feeds:edge:Format", "cidr")
            .With("Blacklist:Feeds:edge:MaxEntries", "1000")
            .With("Blacklist:Feeds:edge:Sources:0", "manual"));
        await app.BlockAsync("45.1.2.3");
        await WaitForFeedsAsync(app);

        var feeds = await app.Client.GetFromJsonAsync<JsonElement>("/api/feeds");

        var byName = feeds.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        byName.Keys.ShouldBe(["edge", "fortigate-128k", "fortigate-300k", "ipset-65536", "paloalto-150k", "paloalto-50k"], ignoreOrder: true);
        byName["fortigate-128k"].GetProperty("maxEntries").GetInt32().ShouldBe(131_072);
        byName["fortigate-300k"].GetProperty("maxEntries").GetInt32().ShouldBe(300_000);
        byName["paloalto-50k"].GetProperty("format").GetString().ShouldBe("edl");
        byName["ipset-65536"].GetProperty("format").GetString().ShouldBe("ipset");
        byName["edge"].GetProperty("url").GetString().ShouldBe("/api/feeds/edge");
        byName["edge"].GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ShouldBe(["manual"]);
        byName["edge"].GetProperty("servedEntries").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task A_capped_feed_says_how_many_entries_it_dropped_and_revalidates_with_304()
    {
        await using var app = ServedApp.Start(new BlacklistAppFactory()
            .With("Blacklist:Feeds:small:Format", "plain")
            .With("Blacklist:Feeds:small:MaxEntries", "2"));
        await app.BlockAsync("45.1.2.3");
        await app.BlockAsync("45.1.2.7");
        await app.BlockAsync("45.1.2.9");
        await WaitForFeedsAsync(app);

        var response = await app.Client.GetAsync("/api/feeds/small");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Entries-Total").Single().ShouldBe("3");
        response.Headers.GetValues("X-Entries-Served").Single().ShouldBe("2");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Count(l => l.StartsWith('#')).ShouldBeGreaterThan(0);
        lines.Single(l => l.Contains("capped", StringComparison.Ordinal)).ShouldContain("2 of 3 entries served, 1 dropped");
        lines.Count(l => !l.StartsWith('#')).ShouldBe(2);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/feeds/small");
        revalidate.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        (await app.Client.SendAsync(revalidate)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        using var compressed = new HttpRequestMessage(HttpMethod.Get, "/api/feeds/small");
        compressed.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var gzipped = await app.Client.SendAsync(compressed);
        gzipped.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        await using var unzip = new GZipStream(await gzipped.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        (await new StreamReader(unzip).ReadToEndAsync()).ShouldBe(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pulls_are_counted_per_feed_and_client()
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3");
        await WaitForFeedsAsync(app);

        var first = await app.Client.GetAsync("/api/feeds/paloalto-50k");
        await app.Client.GetAsync("/api/feeds/paloalto-50k");
        var stats = await app.Client.GetFromJsonAsync<JsonElement>("/api/feeds/stats");

        var pull = stats.EnumerateArray().Single(p => p.GetProperty("feed").GetString() == "paloalto-50k");
        pull.GetProperty("count").GetInt64().ShouldBe(2);
        pull.GetProperty("lastETag").GetString().ShouldBe(first.Headers.ETag!.ToString());
        pull.GetProperty("lastPull").GetDateTimeOffset().ShouldBe(BlacklistAppFactory.Start);
    }

    [Fact]
    public async Task An_unknown_feed_is_404_with_the_configured_names()
    {
        await using var app = ServedApp.Start();

        var response = await app.Client.GetAsync("/api/feeds/nope");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("fortigate-128k");
    }

    [Fact]
    public void Every_wrong_profile_setting_is_reported_at_once()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Blacklist:Feeds:bad:Format"] = "pdf",
            ["Blacklist:Feeds:bad:Family"] = "ipv5",
            ["Blacklist:Feeds:bad:MinConfidence"] = "101",
            ["Blacklist:Feeds:bad:MaxEntries"] = "0",
            ["Blacklist:Feeds:bad:Access:Cidrs:0"] = "not-a-network",
            ["Blacklist:Feeds:stats:Format"] = "plain",
            ["Blacklist:Feeds:HistoryVersions"] = "0",
            ["Blacklist:Feeds:fine:Format"] = "edl",
        }).Build();
        var options = new FeedsOptions();
        new FeedsOptionsSetup(configuration).Configure(options);

        var result = new FeedsOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        var failures = result.Failures!.ToList();
        failures.Count.ShouldBe(7, string.Join("\n", failures));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Feeds:bad:Format 'pdf'", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Feeds:bad:Family 'ipv5'", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Feeds:bad:MinConfidence", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Feeds:bad:MaxEntries", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Feeds:bad:Access:Cidrs 'not-a-network'", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Feeds:stats:", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("Blacklist:Feeds:HistoryVersions", StringComparison.Ordinal));
        options.Profiles.Keys.ShouldContain("fortigate-128k");
    }

    internal static async Task<FeedGeneration> WaitForFeedsAsync(ServedApp app)
    {
        var version = app.Factory.CurrentVersion;
        var publisher = app.Factory.Services.GetRequiredService<FeedPublisher>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await publisher.WaitForNewerAsync(version - 1, timeout.Token);
    }
}
