using System.Net;
using System.Net.Http.Json;
using System.Text;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Collection;

public sealed class CollectionApiTests : IAsyncLifetime
{
    private static readonly string Feed = string.Join('\n', Enumerable.Range(1, 200).Select(i => $"198.51.{i / 100}.{i % 100 + 1}")) + "\n";

    private LocalFeedServer feeds = null!;

    public async Task InitializeAsync() => feeds = await LocalFeedServer.StartAsync();

    public async Task DisposeAsync() => await feeds.DisposeAsync();

    /// <summary>A host whose scheduler is off, so only the test's triggers run; retries are immediate.</summary>
    private BlacklistAppFactory Factory(string? dataDirectory = null) => new BlacklistAppFactory(dataDirectory)
        .With("Blacklist:Collection:Scheduler", "false")
        .With("Blacklist:Http:Retries", "0")
        .WithHttpSource("feed", feeds.UrlFor("/feed.txt"));

    [Fact]
    public async Task A_trigger_is_accepted_at_once_and_the_run_can_be_followed_to_success()
    {
        feeds.Serve("/feed.txt", Feed);
        await using var factory = Factory();
        var client = factory.CreateClient();

        var run = await client.TriggerAndWaitAsync("feed");

        run.GetProperty("status").GetString().ShouldBe("succeeded", run.ToString());
        run.GetProperty("trigger").GetString().ShouldBe("manual");
        run.GetProperty("counts").GetProperty("parsed").GetInt64().ShouldBe(200);
        run.GetProperty("counts").GetProperty("added").GetInt64().ShouldBe(200);
        var status = await client.SourceStatusAsync("feed");
        (await client.ActiveIndicatorsAsync("feed", 200)).ShouldBe(200);
        status.GetProperty("lastRun").GetProperty("id").GetInt64().ShouldBe(run.GetProperty("id").GetInt64());
        status.GetProperty("lastSuccessAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
    }

    [Fact]
    public async Task Trigger_parameters_are_kept_with_the_run_except_secrets()
    {
        feeds.Serve("/feed.txt", Feed);
        await using var factory = Factory();
        var client = factory.CreateClient();

        var runId = await client.TriggerAsync("feed", JsonContent.Create(new { start_date = "2026-08-01", otp = "123456" }));
        var run = await client.WaitForRunAsync(runId);

        var parameters = run.GetProperty("parameters");
        parameters.GetProperty("start_date").GetString().ShouldBe("2026-08-01");
        parameters.TryGetProperty("otp", out _).ShouldBeFalse();

        // The trigger is audited: who, which source, which parameters — never their values.
        var audit = (await (await client.GetAsync("/api/audit")).JsonAsync()).EnumerateArray()
            .Single(e => e.GetProperty("action").GetString() == "collection.trigger");
        audit.GetProperty("target").GetString().ShouldBe("feed");
        audit.GetProperty("actor").GetString().ShouldBe(BlacklistAppFactory.AdminActor);
        audit.GetProperty("details").GetString().ShouldBe("manual with start_date");
        audit.ToString().ShouldNotContain("123456");
    }

    [Fact]
    public async Task A_body_that_is_not_a_json_object_is_a_bad_request()
    {
        await using var factory = Factory();
        var client = factory.CreateClient();

        var response = await client.PostAsync("/api/collection/feed/trigger", new StringContent("[1,2]", Encoding.UTF8, "application/json"));

        (await response.ProblemAsync(400)).GetProperty("detail").GetString()!.ShouldContain("JSON object");
    }

    [Fact]
    public async Task An_unknown_source_is_404_naming_the_known_ones()
    {
        await using var factory = Factory();
        var client = factory.CreateClient();

        var problem = await (await client.PostAsync("/api/collection/nope/trigger", null)).ProblemAsync(404);

        problem.GetProperty("detail").GetString()!.ShouldContain("'nope'");
        problem.GetProperty("detail").GetString()!.ShouldContain("feed");
        (await client.GetAsync("/api/collection/runs/999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_second_trigger_while_a_run_is_in_progress_is_409_with_its_id()
    {
        feeds.Serve("/feed.txt", FeedResponse.Text(Feed) with { Delay = TimeSpan.FromSeconds(2) });
        await using var factory = Factory();
        var client = factory.CreateClient();

        var first = await client.TriggerAsync("feed");
        var problem = await (await client.PostAsync("/api/collection/feed/trigger", null)).ProblemAsync(409);

        problem.GetProperty("runId").GetInt64().ShouldBe(first);
        (await client.WaitForRunAsync(first)).GetProperty("status").GetString().ShouldBe("succeeded");
        (await client.TriggerAndWaitAsync("feed")).GetProperty("status").GetString().ShouldBe("succeeded");
    }

    [Fact]
    public async Task A_feed_answering_500_fails_the_run_and_keeps_the_previous_data()
    {
        feeds.Serve("/feed.txt", Feed);
        await using var factory = Factory();
        var client = factory.CreateClient();
        await client.TriggerAndWaitAsync("feed");

        feeds.Serve("/feed.txt", FeedResponse.Text("oops") with { StatusCode = 500 });
        var run = await client.TriggerAndWaitAsync("feed");

        run.GetProperty("status").GetString().ShouldBe("failed");
        run.GetProperty("failureKind").GetString().ShouldBe("ServerError");
        run.GetProperty("error").GetString()!.ShouldContain("500");
        (await client.ActiveIndicatorsAsync("feed", 200)).ShouldBe(200);
    }

    [Fact]
    public async Task A_garbage_feed_fails_as_unparseable_and_keeps_the_previous_data()
    {
        feeds.Serve("/feed.txt", Feed);
        await using var factory = Factory();
        var client = factory.CreateClient();
        await client.TriggerAndWaitAsync("feed");

        feeds.Serve("/feed.txt", FeedResponse.Text("<html><body>Service unavailable</body></html>\n<p>try later</p>\n", "text/html"));
        var run = await client.TriggerAndWaitAsync("feed");

        run.GetProperty("status").GetString().ShouldBe("failed");
        run.GetProperty("failureKind").GetString().ShouldBe("Unparseable");
        (await client.ActiveIndicatorsAsync("feed", 200)).ShouldBe(200);
    }

    [Fact]
    public async Task A_shrunken_feed_is_refused_and_an_operator_can_accept_it()
    {
        feeds.Serve("/feed.txt", Feed);
        await using var factory = Factory();
        var client = factory.CreateClient();
        await client.TriggerAndWaitAsync("feed");

        feeds.Serve("/feed.txt", "198.51.0.2\n198.51.0.3\n");
        var refused = await client.TriggerAndWaitAsync("feed");
        refused.GetProperty("status").GetString().ShouldBe("refused");
        refused.GetProperty("error").GetString()!.ShouldContain("shrank from 200 to 2");
        (await client.ActiveIndicatorsAsync("feed", 200)).ShouldBe(200);

        var accept = await client.PostAsync($"/api/collection/runs/{refused.GetProperty("id").GetInt64()}/accept", null);
        accept.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var applied = await client.WaitForRunAsync((await accept.JsonAsync()).GetProperty("runId").GetInt64());

        applied.GetProperty("status").GetString().ShouldBe("succeeded", applied.ToString());
        applied.GetProperty("trigger").GetString().ShouldBe("accept");
        applied.GetProperty("counts").GetProperty("withdrawn").GetInt64().ShouldBe(198);
        (await client.WaitForRunAsync(refused.GetProperty("id").GetInt64())).GetProperty("status").GetString().ShouldBe("accepted");
        (await client.ActiveIndicatorsAsync("feed", 2)).ShouldBe(2);
        (await (await client.PostAsync($"/api/collection/runs/{refused.GetProperty("id").GetInt64()}/accept", null)).ProblemAsync(409))
            .GetProperty("detail").GetString()!.ShouldContain("not refused");
    }

    [Fact]
    public async Task The_switch_is_audited_and_survives_a_restart()
    {
        var factory = Factory();
        factory.KeepDataDirectory = true;
        try
        {
            var client = factory.CreateClient();
            var off = await (await client.PostAsync("/api/collection/disable", null)).JsonAsync();
            off.GetProperty("collectionEnabled").GetBoolean().ShouldBeFalse();

            feeds.Serve("/feed.txt", Feed);
            var trigger = await (await client.PostAsync("/api/collection/feed/trigger", null)).JsonAsync();
            trigger.GetProperty("note").GetString()!.ShouldContain("switched off");
            await client.WaitForRunAsync(trigger.GetProperty("runId").GetInt64());
        }
        finally
        {
            await factory.DisposeAsync();
        }

        await using var restarted = Factory(factory.DataDirectory);
        var again = restarted.CreateClient();
        var status = await (await again.GetAsync("/api/collection/status")).JsonAsync();
        status.GetProperty("collectionEnabled").GetBoolean().ShouldBeFalse();

        (await (await again.PostAsync("/api/collection/enable", null)).JsonAsync()).GetProperty("collectionEnabled").GetBoolean().ShouldBeTrue();
        var audit = await restarted.Services.GetRequiredService<Blacklist.Data.Contracts.IAuditLog>().ListAsync(10, CancellationToken.None);
        audit.Where(a => a.Target == "collection.enabled").Select(a => a.Actor).ShouldBe([BlacklistAppFactory.AdminActor, BlacklistAppFactory.AdminActor]);
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_and_the_limit_is_checked()
    {
        feeds.Serve("/feed.txt", Feed);
        await using var factory = Factory();
        var client = factory.CreateClient();
        var first = (await client.TriggerAndWaitAsync("feed")).GetProperty("id").GetInt64();
        var second = (await client.TriggerAndWaitAsync("feed")).GetProperty("id").GetInt64();

        var runs = await (await client.GetAsync("/api/collection/runs?source=feed&limit=5")).JsonAsync();

        runs.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ShouldBe([second, first]);
        await (await client.GetAsync("/api/collection/runs?limit=0")).ProblemAsync(400);
    }
}
