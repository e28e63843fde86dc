using System.Net;
using System.Net.Http.Json;
using Blacklist.Data.Security;
using Blacklist.Server.Tests.Infrastructure;
using Blacklist.Testing;

namespace Blacklist.Server.Tests.Security;

/// <summary>API keys while a real PostgreSQL server is stopped under the running service, then started again.</summary>
public sealed class ApiKeyOutageTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task During_an_outage_a_recently_confirmed_key_reads_writes_are_503_and_an_unconfirmed_key_is_503_not_401()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var app = await StartAsync(postgres);
        await app.BlockAsync("45.1.2.3");
        using var reader = app.Factory.WithBearer(app.Factory.CreateKey("fortigate", SecurityRole.Reader));
        using var unconfirmed = app.Factory.WithBearer(app.Factory.CreateKey("never-used", SecurityRole.Reader));
        (await reader.GetAsync("/api/search/45.1.2.3")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await postgres.StopAsync();

        (await reader.GetStringAsync("/api/blacklist/active")).ShouldBe("45.1.2.3\n");
        var search = await reader.GetAsync("/api/search/45.1.2.3");
        search.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await search.JsonAsync()).GetProperty("blocked").GetBoolean().ShouldBeTrue();
        (await reader.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The admin key was confirmed by the writes above: it authenticates, and the write itself says the database is down.
        var write = await app.Client.PostAsJsonAsync("/api/blacklist/manual", new { ip = "45.6.6.6", reason = "during the outage" });
        var writeProblem = await write.ProblemAsync(503);
        writeProblem.GetProperty("title").GetString().ShouldBe("The database is unavailable");
        writeProblem.GetProperty("detail").GetString()!.ShouldContain("Nothing was changed");

        var uncheckedAnswer = await unconfirmed.GetAsync("/api/blacklist/active");
        var problem = await uncheckedAnswer.ProblemAsync(503);
        problem.GetProperty("title").GetString().ShouldBe("The database is unreachable; the key cannot be checked");
        uncheckedAnswer.Headers.RetryAfter.ShouldNotBeNull();
        uncheckedAnswer.Headers.WwwAuthenticate.ShouldBeEmpty();

        await postgres.StartAgainAsync();

        await app.BlockAsync("45.6.6.6", "after the outage");
        (await unconfirmed.GetStringAsync("/api/blacklist/active")).ShouldBe("45.1.2.3\n45.6.6.6\n");
    }

    [Fact]
    public async Task Wrong_keys_are_401_and_a_revocation_goes_unnoticed_during_an_outage_for_at_most_the_verified_key_lifetime()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var app = await StartAsync(postgres);
        var keys = app.Factory.Services.GetRequiredService<IApiKeyStore>();
        var created = await keys.CreateAsync(new ApiKeyRequest("soon-revoked", SecurityRole.Reader, null, []), "test", CancellationToken.None);
        using var revoked = app.Factory.WithBearer(created.Key);
        using var forged = app.Factory.WithBearer(created.Key[..^4] + "AAAA");
        using var unknown = app.Factory.WithBearer(ApiKeySecret.Generate().Text);

        (await forged.GetAsync("/api/blacklist/active")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await unknown.GetAsync("/api/blacklist/active")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await revoked.GetAsync("/api/blacklist/active")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Revoked elsewhere (`blacklist keys revoke`, another replica): this process last saw the key valid.
        (await keys.RevokeAsync(created.Record.Id, "test", CancellationToken.None)).ShouldBeTrue();
        await postgres.StopAsync();

        (await revoked.GetAsync("/api/blacklist/active")).StatusCode.ShouldBe(HttpStatusCode.OK, "within the lifetime the key is trusted as last confirmed");
        (await forged.GetAsync("/api/blacklist/active")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a wrong secret is wrong whether or not the database answers");
        app.Factory.Time.Advance(Lifetime);
        await (await revoked.GetAsync("/api/blacklist/active")).ProblemAsync(503);

        await postgres.StartAgainAsync();

        (await revoked.GetAsync("/api/blacklist/active")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // A key refused by the database is forgotten at once: the next outage does not bring it back.
        var other = await keys.CreateAsync(new ApiKeyRequest("revoked-here", SecurityRole.Reader, null, []), "test", CancellationToken.None);
        using var otherClient = app.Factory.WithBearer(other.Key);
        (await otherClient.GetAsync("/api/blacklist/active")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Client.DeleteAsync($"/api/keys/{other.Record.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await otherClient.GetAsync("/api/blacklist/active")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await postgres.StopAsync();
        await (await otherClient.GetAsync("/api/blacklist/active")).ProblemAsync(503);
    }

    [Fact]
    public async Task A_key_store_that_hangs_counts_as_unreachable_after_the_lookup_timeout()
    {
        await using var factory = new BlacklistAppFactory().WithServices(HangingStore<IApiKeyStore>.Install);
        using var reader = factory.WithBearer(factory.CreateKey("fortigate", SecurityRole.Reader));
        using var unconfirmed = factory.WithBearer(factory.CreateKey("never-used", SecurityRole.Reader));
        (await reader.GetAsync("/api/blacklist/active")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var control = factory.Services.GetRequiredService<HangingStore<IApiKeyStore>>();
        control.Hanging = true;
        try
        {
            (await AdvanceUntilAnsweredAsync(factory, reader.GetAsync("/api/blacklist/active"))).StatusCode.ShouldBe(HttpStatusCode.OK);
            await (await AdvanceUntilAnsweredAsync(factory, unconfirmed.GetAsync("/api/blacklist/active"))).ProblemAsync(503);
        }
        finally
        {
            control.Release();
        }
    }

    /// <summary>Moves the fake clock past the lookup timeout in steps until the request is answered (bounded in real time).</summary>
    private static async Task<HttpResponseMessage> AdvanceUntilAnsweredAsync(BlacklistAppFactory factory, Task<HttpResponseMessage> request)
    {
        for (var step = 0; step < 100 && !request.IsCompleted; step++)
        {
            factory.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        return await request.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task<ServedApp> StartAsync(PostgresServer postgres)
    {
        var database = await postgres.CreateDatabaseAsync("blacklist");
        return ServedApp.Start(new BlacklistAppFactory()
            .With("Database:Provider", "postgres")
            .With("ConnectionStrings:Blacklist", database)
            .With("Blacklist:Access:VerifiedKeyLifetime", Lifetime.ToString()));
    }
}
