using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Api.Health;

public sealed class HealthApiTests
{
    [Fact]
    public async Task Health_reports_version_snapshot_and_each_component_as_json()
    {
        await using var app = ServedApp.Start();
        await app.BlockAsync("45.1.2.3");

        var response = await app.Client.GetAsync("/health");

        ((int)response.StatusCode).ShouldBe(200);
        var health = await response.JsonAsync();
        health.GetProperty("status").GetString().ShouldBe("healthy");
        health.GetProperty("version").GetString().ShouldNotBeNullOrWhiteSpace();
        health.GetProperty("uptimeSeconds").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        var snapshot = health.GetProperty("snapshot");
        snapshot.GetProperty("version").GetInt64().ShouldBe(app.Factory.CurrentVersion);
        snapshot.GetProperty("entries").GetInt64().ShouldBe(1);
        snapshot.GetProperty("ageSeconds").GetDouble().ShouldBe(0);
        var components = health.GetProperty("components");
        components.GetProperty("database").GetProperty("status").GetString().ShouldBe("up");
        components.GetProperty("cache").GetProperty("status").GetString().ShouldBe("memory");
        components.GetProperty("collectors").GetProperty("status").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Ready_is_200_once_a_snapshot_is_loaded()
    {
        await using var app = ServedApp.Start();

        var response = await app.Client.GetAsync("/ready");

        ((int)response.StatusCode).ShouldBe(200);
        var ready = await response.JsonAsync();
        ready.GetProperty("status").GetString().ShouldBe("ready");
        ready.GetProperty("snapshotVersion").GetInt64().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_database_outage_after_start_keeps_serving_and_shows_in_health()
    {
        await using var app = ServedApp.Start(new BlacklistAppFactory().WithServices(s => FlakyIndicatorStore.Install(s)));
        await app.BlockAsync("45.1.2.3");
        app.Factory.Services.GetRequiredService<FlakyIndicatorStore>().Down = true;

        var health = await app.Client.GetAsync("/health");
        var ready = await app.Client.GetAsync("/ready");
        var list = await app.Client.GetStringAsync("/api/blacklist/active");

        ((int)health.StatusCode).ShouldBe(200);
        var body = await health.JsonAsync();
        body.GetProperty("status").GetString().ShouldBe("degraded");
        var database = body.GetProperty("components").GetProperty("database");
        database.GetProperty("status").GetString().ShouldBe("down");
        database.GetProperty("detail").GetString()!.ShouldContain("last snapshot");
        database.GetProperty("detail").GetString()!.ShouldNotContain("connection refused");
        ((int)ready.StatusCode).ShouldBe(200);
        list.ShouldBe("45.1.2.3\n");
    }

    [Fact]
    public async Task Without_any_snapshot_health_and_ready_are_503_and_lists_say_why()
    {
        await using var app = ServedApp.Start(new BlacklistAppFactory().WithServices(s => FlakyIndicatorStore.Install(s, startDown: true)));

        var health = await app.Client.GetAsync("/health");
        var ready = await app.Client.GetAsync("/ready");
        var list = await app.Client.GetAsync("/api/blacklist/active");

        ((int)health.StatusCode).ShouldBe(503);
        var body = await health.JsonAsync();
        body.GetProperty("status").GetString().ShouldBe("unhealthy");
        body.GetProperty("snapshot").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        ((int)ready.StatusCode).ShouldBe(503);
        (await ready.JsonAsync()).GetProperty("status").GetString().ShouldBe("starting");
        var problem = await list.ProblemAsync(503);
        problem.GetProperty("detail").GetString()!.ShouldContain("retry", Case.Insensitive);
    }

    [Fact]
    public async Task The_service_recovers_when_the_database_comes_back()
    {
        await using var app = ServedApp.Start(new BlacklistAppFactory().WithServices(s => FlakyIndicatorStore.Install(s, startDown: true)));
        ((int)(await app.Client.GetAsync("/ready")).StatusCode).ShouldBe(503);

        app.Factory.Services.GetRequiredService<FlakyIndicatorStore>().Down = false;
        await app.Factory.AdvanceAndWaitForRebuildAsync(TimeSpan.FromSeconds(6));

        ((int)(await app.Client.GetAsync("/ready")).StatusCode).ShouldBe(200);
        ((int)(await app.Client.GetAsync("/health")).StatusCode).ShouldBe(200);
    }
}
