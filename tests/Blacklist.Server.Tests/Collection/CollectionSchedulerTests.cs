using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Collection;

public sealed class CollectionSchedulerTests : IAsyncLifetime
{
    private LocalFeedServer feeds = null!;

    public async Task InitializeAsync() => feeds = await LocalFeedServer.StartAsync();

    public async Task DisposeAsync() => await feeds.DisposeAsync();

    private static async Task<int> RunCountAsync(HttpClient client, string source)
        => (await (await client.GetAsync($"/api/collection/runs?source={source}&limit=50")).JsonAsync()).GetArrayLength();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    [Fact]
    public async Task A_source_that_never_ran_runs_at_start_then_on_its_cron_slots_and_not_while_switched_off()
    {
        feeds.Serve("/feed.txt", "198.51.100.7\n");
        await using var factory = new BlacklistAppFactory()
            .With("Blacklist:Sources:sample:Enabled", "false")
            .WithHttpSource("feed", feeds.UrlFor("/feed.txt"), schedule: "*/10 * * * *");
        var client = factory.CreateClient();

        await WaitUntilAsync(async () => await RunCountAsync(client, "feed") == 1);
        var first = await client.WaitForRunAsync((await (await client.GetAsync("/api/collection/runs?source=feed")).JsonAsync())[0].GetProperty("id").GetInt64());
        first.GetProperty("trigger").GetString().ShouldBe("scheduled");
        (await client.SourceStatusAsync("feed")).GetProperty("nextRun").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 8, 22, 12, 10, 0, TimeSpan.Zero));

        factory.Time.Advance(TimeSpan.FromMinutes(10));
        await WaitUntilAsync(async () => await RunCountAsync(client, "feed") == 2);

        await client.PostAsync("/api/collection/disable", null);
        factory.Time.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(500);
        (await RunCountAsync(client, "feed")).ShouldBe(2);
        (await RunCountAsync(client, "sample")).ShouldBe(0);
    }
}
