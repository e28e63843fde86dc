using System.Net;
using System.Net.Http.Json;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Api.Search;

public sealed class SearchApiTests
{
    [Fact]
    public async Task A_blocked_address_is_explained_by_its_indicators()
    {
        await using var app = ServedApp.Start();
        await app.Factory.ChangeAndWaitAsync(() => app.Client.AddManualAsync(new { cidr = "45.1.2.0/24", reason = "scanner net", category = "scanner" }));

        var response = await app.Client.GetAsync("/api/search/45.1.2.77");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.JsonAsync();
        result.GetProperty("ip").GetString().ShouldBe("45.1.2.77");
        result.GetProperty("family").GetString().ShouldBe("ipv4");
        result.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        result.GetProperty("allowlisted").GetBoolean().ShouldBeFalse();
        result.GetProperty("snapshotVersion").GetInt64().ShouldBe(app.Factory.CurrentVersion);
        result.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ShouldBe(["manual"]);
        result.GetProperty("explanation").GetString()!.ShouldContain("manual");
        var indicator = result.GetProperty("indicators").EnumerateArray().Single();
        indicator.GetProperty("source").GetString().ShouldBe("manual");
        indicator.GetProperty("range").GetString().ShouldBe("45.1.2.0/24");
        indicator.GetProperty("reason").GetString().ShouldBe("scanner net");
        indicator.GetProperty("category").GetString().ShouldBe("scanner");
        indicator.GetProperty("firstSeen").GetDateTimeOffset().ShouldBe(BlacklistAppFactory.Start);
        indicator.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeGreaterThan(BlacklistAppFactory.Start);
    }

    [Fact]
    public async Task An_unlisted_address_is_not_blocked()
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3");

        var result = await (await app.Client.GetAsync("/api/search/2a00:1450::9")).JsonAsync();

        result.GetProperty("blocked").GetBoolean().ShouldBeFalse();
        result.GetProperty("family").GetString().ShouldBe("ipv6");
        result.GetProperty("indicators").GetArrayLength().ShouldBe(0);
        result.GetProperty("explanation").GetString()!.ShouldContain("no active indicator");
    }

    [Fact]
    public async Task An_allowlisted_address_names_the_allowlist_entry()
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3");
        var allowId = await app.AllowAsync("45.1.2.3", "our mail relay");

        var result = await (await app.Client.GetAsync("/api/search/45.1.2.3")).JsonAsync();

        result.GetProperty("blocked").GetBoolean().ShouldBeFalse();
        result.GetProperty("allowlisted").GetBoolean().ShouldBeTrue();
        var entry = result.GetProperty("allowlist").EnumerateArray().Single();
        entry.GetProperty("id").GetInt64().ShouldBe(allowId);
        entry.GetProperty("reason").GetString().ShouldBe("our mail relay");
        result.GetProperty("indicators").GetArrayLength().ShouldBe(1);
        result.GetProperty("explanation").GetString()!.ShouldContain("allowlisted");
    }

    [Fact]
    public async Task A_reserved_address_says_it_is_reserved()
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("192.168.1.1");

        var result = await (await app.Client.GetAsync("/api/search/192.168.1.1")).JsonAsync();

        result.GetProperty("blocked").GetBoolean().ShouldBeFalse();
        var reserved = result.GetProperty("reserved");
        reserved.GetProperty("range").GetString().ShouldBe("192.168.0.0/16");
        reserved.GetProperty("excluded").GetBoolean().ShouldBeTrue();
        result.GetProperty("explanation").GetString()!.ShouldContain("reserved");
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("999.1.1.1")]
    [InlineData("45.1.2.0%2F24")]
    [InlineData("hello")]
    [InlineData("2001:db8:::1")]
    public async Task A_malformed_address_is_a_400_problem_that_says_what_to_send(string input)
    {
        await using var app = ServedApp.Start();

        var response = await app.Client.GetAsync($"/api/search/{input}");

        var problem = await response.ProblemAsync(400);
        problem.GetProperty("detail").GetString()!.ShouldContain("Give one IPv4 or IPv6 address");
    }

    [Fact]
    public async Task A_batch_answers_each_input_in_order_and_marks_invalid_ones()
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3");

        var response = await app.Client.PostAsJsonAsync("/api/search", new { ips = new[] { "45.1.2.3", "nonsense", "45.1.2.4", "::ffff:45.1.2.3" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var batch = await response.JsonAsync();
        batch.GetProperty("count").GetInt32().ShouldBe(4);
        batch.GetProperty("blocked").GetInt32().ShouldBe(2);
        batch.GetProperty("invalid").GetInt32().ShouldBe(1);
        var results = batch.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("input").GetString()).ShouldBe(["45.1.2.3", "nonsense", "45.1.2.4", "::ffff:45.1.2.3"]);
        results[0].GetProperty("blocked").GetBoolean().ShouldBeTrue();
        results[1].GetProperty("valid").GetBoolean().ShouldBeFalse();
        results[1].GetProperty("error").GetString()!.ShouldNotBeNullOrWhiteSpace();
        results[2].GetProperty("blocked").GetBoolean().ShouldBeFalse();
        results[3].GetProperty("ip").GetString().ShouldBe("45.1.2.3");
        results[3].GetProperty("blocked").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_batch_beyond_the_limit_is_refused()
    {
        await using var app = ServedApp.Start(new BlacklistAppFactory().With("Blacklist:Search:MaxBatch", "3"));

        var response = await app.Client.PostAsJsonAsync("/api/search", new { ips = new[] { "1.1.1.1", "1.1.1.2", "1.1.1.3", "1.1.1.4" } });

        var problem = await response.ProblemAsync(400);
        problem.GetProperty("detail").GetString()!.ShouldContain("at most 3");
        problem.GetProperty("maxBatch").GetInt32().ShouldBe(3);
    }

    [Theory]
    [InlineData("{}", "\"ips\"")]
    [InlineData("{\"ips\": []}", "\"ips\"")]
    [InlineData("", "\"ips\"")]
    [InlineData("{\"ips\": [\"1.1.1.1\"", "valid JSON")]
    [InlineData("{\"ips\": \"1.1.1.1\"}", "valid JSON")]
    public async Task A_batch_without_a_readable_list_is_a_400_problem(string body, string hint)
    {
        await using var app = ServedApp.Start();

        var response = await app.Client.PostAsync("/api/search", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(400);
        problem.GetProperty("detail").GetString()!.ShouldContain(hint);
        problem.ToString().ShouldNotContain("Exception");
    }

    [Fact]
    public async Task A_default_sized_batch_of_ten_thousand_is_answered()
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3");
        var ips = Enumerable.Range(0, 10_000).Select(i => $"45.1.{i / 256}.{i % 256}").ToArray();

        var response = await app.Client.PostAsJsonAsync("/api/search", new { ips });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var batch = await response.JsonAsync();
        batch.GetProperty("count").GetInt32().ShouldBe(10_000);
        batch.GetProperty("results").GetArrayLength().ShouldBe(10_000);
        batch.GetProperty("invalid").GetInt32().ShouldBe(0);
        batch.GetProperty("blocked").GetInt32().ShouldBe(1);
    }
}
