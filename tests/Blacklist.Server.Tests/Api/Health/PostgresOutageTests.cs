using System.Net.Http.Json;
using Blacklist.Server.Tests.Infrastructure;
using Blacklist.Server.Tests.Security;
using Blacklist.Testing;

namespace Blacklist.Server.Tests.Api.Health;

/// <summary>A real PostgreSQL server stopped under a running service, then started again.</summary>
public sealed class PostgresOutageTests
{
    [Fact]
    public async Task While_postgres_is_down_reads_and_health_answer_writes_are_503_and_after_it_returns_writes_work_without_restart()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync("blacklist");
        await using var app = ServedApp.Start(RemoteAddress.Enable(new BlacklistAppFactory()
            .With("Database:Provider", "postgres")
            .With("ConnectionStrings:Blacklist", database)));
        await app.BlockAsync("45.1.2.3");

        // Reads as a firewall on an anonymous feed network does them (keys during an outage: Security/ApiKeyOutageTests).
        using var firewall = app.Factory.CreateAnonymousClient();
        firewall.DefaultRequestHeaders.Add(RemoteAddress.Header, "127.0.0.1");
        await postgres.StopAsync();

        var write = await app.Client.PostAsJsonAsync("/api/blacklist/manual", new { ip = "45.6.6.6", reason = "during the outage" });
        var problem = await write.ProblemAsync(503);
        problem.GetProperty("title").GetString().ShouldBe("The database is unavailable");
        problem.GetProperty("detail").GetString()!.ShouldContain("Nothing was changed");
        (await firewall.GetStringAsync("/api/blacklist/active")).ShouldBe("45.1.2.3\n");
        var health = await firewall.GetAsync("/health");
        ((int)health.StatusCode).ShouldBe(200);
        (await health.JsonAsync()).GetProperty("components").GetProperty("database").GetProperty("status").GetString().ShouldBe("down");
        ((int)(await firewall.GetAsync("/ready")).StatusCode).ShouldBe(200);
        (await DatabaseUpMetricAsync(firewall, "0")).ShouldBeTrue("blacklist_database_up stayed 1 while the database was down");

        await postgres.StartAgainAsync();

        await app.BlockAsync("45.6.6.6", "after the outage");
        (await app.Client.ActiveLinesAsync()).ShouldBe(["45.1.2.3", "45.6.6.6"]);
        (await DatabaseUpMetricAsync(app.Client, "1")).ShouldBeTrue("blacklist_database_up stayed 0 after the database came back");
    }

    /// <summary>Asks /health (which feeds the metric) and then /metrics until the metric has the value; bounded, since a loaded machine may time a check out.</summary>
    private static async Task<bool> DatabaseUpMetricAsync(HttpClient client, string value)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await client.GetAsync("/health");
            if ((await client.GetStringAsync("/metrics")).Contains($"blacklist_database_up {value}\n", StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return false;
    }
}
