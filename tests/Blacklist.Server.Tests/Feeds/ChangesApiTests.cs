using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Feeds;

public sealed class ChangesApiTests
{
    [Fact]
    public async Task Changes_since_a_version_list_what_was_added_and_removed()
    {
        await using var app = ServedApp.Start();
        var first = await app.BlockAsync("45.1.2.3");
        await FeedsApiTests.WaitForFeedsAsync(app);
        var since = app.Factory.CurrentVersion;
        await app.BlockAsync("45.1.2.9");
        await app.Factory.ChangeAndWaitAsync(() => app.Client.DeleteAsync($"/api/blacklist/manual/{first}"));
        await FeedsApiTests.WaitForFeedsAsync(app);

        var changes = await app.Client.GetFromJsonAsync<JsonElement>($"/api/blacklist/changes?since={since}");

        changes.GetProperty("since").GetInt64().ShouldBe(since);
        changes.GetProperty("version").GetInt64().ShouldBe(app.Factory.CurrentVersion);
        changes.GetProperty("added").EnumerateArray().Select(a => a.GetString()).ShouldBe(["45.1.2.9"]);
        changes.GetProperty("removed").EnumerateArray().Select(a => a.GetString()).ShouldBe(["45.1.2.3"]);

        var feed = await app.Client.GetFromJsonAsync<JsonElement>($"/api/feeds/fortigate-128k/changes?since={since}");
        feed.GetProperty("added").EnumerateArray().Select(a => a.GetString()).ShouldBe(["45.1.2.9"]);

        var none = await app.Client.GetFromJsonAsync<JsonElement>($"/api/blacklist/changes?since={app.Factory.CurrentVersion}");
        none.GetProperty("addedCount").GetInt32().ShouldBe(0);
        none.GetProperty("removedCount").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_version_older_than_the_history_is_410_and_a_bad_version_400()
    {
        await using var app = ServedApp.Start(new BlacklistAppFactory().With("Blacklist:Feeds:HistoryVersions", "1"));
        await app.BlockAsync("45.1.2.3");
        await FeedsApiTests.WaitForFeedsAsync(app);
        var old = app.Factory.CurrentVersion;
        await app.BlockAsync("45.1.2.4");
        await FeedsApiTests.WaitForFeedsAsync(app);
        await app.BlockAsync("45.1.2.5");
        await FeedsApiTests.WaitForFeedsAsync(app);

        var gone = await app.Client.GetAsync($"/api/blacklist/changes?since={old}");
        gone.StatusCode.ShouldBe(HttpStatusCode.Gone);
        gone.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await gone.Content.ReadAsStringAsync()).ShouldContain("Fetch the full list at /api/blacklist/active");

        (await app.Client.GetAsync("/api/blacklist/changes?since=abc")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.Client.GetAsync("/api/blacklist/changes")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.Client.GetAsync($"/api/blacklist/changes?since={app.Factory.CurrentVersion + 5}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
