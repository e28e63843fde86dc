using System.Net;
using Blacklist.Data.Contracts;
using Blacklist.Data.Security;
using Blacklist.Server.Tests.Infrastructure;
using Blacklist.Server.Tests.Security;

namespace Blacklist.Server.Tests.Collection;

public sealed class SourceSwitchTests
{
    /// <summary>A host with one HTTP source (never fetched: the scheduler is off).</summary>
    private static BlacklistAppFactory Factory() => new BlacklistAppFactory()
        .With("Blacklist:Collection:Scheduler", "false")
        .WithHttpSource("feed", new Uri("http://127.0.0.1:9/feed.txt"));

    [Fact]
    public async Task One_source_is_switched_off_and_on_again_over_its_configuration_and_audited()
    {
        await using var factory = Factory();
        var client = factory.CreateClient();

        var off = await (await client.PostAsync("/api/collection/feed/disable", null)).JsonAsync();

        off.GetProperty("source").GetString().ShouldBe("feed");
        off.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        off.GetProperty("configuredEnabled").GetBoolean().ShouldBeTrue();
        var status = await client.SourceStatusAsync("feed");
        status.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        status.GetProperty("configuredEnabled").GetBoolean().ShouldBeTrue();
        status.GetProperty("nextRun").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        (await (await client.PostAsync("/api/collection/feed/enable", null)).JsonAsync()).GetProperty("enabled").GetBoolean().ShouldBeTrue();
        (await client.SourceStatusAsync("feed")).GetProperty("enabled").GetBoolean().ShouldBeTrue();
        var audit = await factory.Services.GetRequiredService<IAuditLog>().ListAsync(10, CancellationToken.None);
        audit.Where(a => a.Action == "source.enabled" && a.Target == "feed").Select(a => (a.Actor, a.Details))
            .ShouldBe([(BlacklistAppFactory.AdminActor, "True"), (BlacklistAppFactory.AdminActor, "False")]);
    }

    [Theory]
    [InlineData("nosuchsource")]
    [InlineData("manual")]
    public async Task Only_a_collected_source_can_be_switched(string source)
    {
        await using var factory = Factory();
        var client = factory.CreateClient();

        var problem = await (await client.PostAsync($"/api/collection/{source}/disable", null)).ProblemAsync(404);

        problem.GetProperty("detail").GetString()!.ShouldContain("/api/collection/status");
    }

    [Fact]
    public async Task A_reader_cannot_switch_a_source()
    {
        await using var factory = Factory();
        using var reader = factory.ForRole(SecurityRole.Reader);

        (await reader.PostAsync("/api/collection/feed/disable", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
