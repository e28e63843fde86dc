using Blacklist.Data.Contracts;
using Blacklist.Server.Observability;
using Blacklist.Server.Snapshots;
using Blacklist.Server.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Blacklist.Server.Tests.Observability;

/// <summary>A database that stops answering (rather than refusing) is marked down within a bounded time.</summary>
public sealed class DatabaseHealthCheckTests
{
    [Fact]
    public async Task A_hanging_database_is_down_after_the_timeout_with_the_reason()
    {
        var time = new FakeTimeProvider(BlacklistAppFactory.Start);
        var (store, control) = HangingStore<IIndicatorStore>.Wrap(null);
        control.Hanging = true;
        var status = new DatabaseStatus(time);
        var check = new DatabaseHealthCheck(store, status, time);

        var result = check.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);
        await Task.Delay(100);
        result.IsCompleted.ShouldBeFalse();
        time.Advance(DatabaseHealthCheck.Timeout);
        var answer = await result.WaitAsync(TimeSpan.FromSeconds(10));

        answer.Status.ShouldBe(HealthStatus.Unhealthy);
        answer.Description!.ShouldContain("no answer within 2 s");
        status.IsUp.ShouldBe(false);
        control.Release();
    }

    [Fact]
    public async Task While_the_database_hangs_health_and_ready_answer_200_and_say_it_is_down()
    {
        await using var app = ServedApp.Start(new BlacklistAppFactory().WithServices(HangingStore<IIndicatorStore>.Install));
        await app.BlockAsync("45.1.2.3");
        var control = app.Factory.Services.GetRequiredService<HangingStore<IIndicatorStore>>();
        control.Hanging = true;
        try
        {
            var pending = app.Client.GetAsync("/health");
            for (var step = 0; step < 100 && !pending.IsCompleted; step++)
            {
                app.Factory.Time.Advance(TimeSpan.FromMilliseconds(500));
                await Task.Delay(20);
            }

            var health = await pending.WaitAsync(TimeSpan.FromSeconds(10));
            ((int)health.StatusCode).ShouldBe(200);
            var database = (await health.JsonAsync()).GetProperty("components").GetProperty("database");
            database.GetProperty("status").GetString().ShouldBe("down");
            database.GetProperty("detail").GetString()!.ShouldContain("no answer within");
            app.Factory.Services.GetRequiredService<DatabaseStatus>().IsUp.ShouldBe(false);

            var ready = await app.Client.GetAsync("/ready");
            ((int)ready.StatusCode).ShouldBe(200);
            (await ready.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("database: no answer within");
            (await app.Client.GetStringAsync("/api/blacklist/active")).ShouldBe("45.1.2.3\n");
        }
        finally
        {
            control.Release();
        }
    }
}
