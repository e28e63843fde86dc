using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Blacklist.Server.Push;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Push;

public sealed class PushServiceTests
{
    private const string Token = "fgt-api-key-7d1c0e";
    private const string Feed = "blacklist-ips";

    [Fact]
    public async Task A_fortigate_gets_a_snapshot_then_deltas_and_a_snapshot_again_after_an_outage()
    {
        await using var fortigate = await FakeFortiGate.StartAsync(Token);
        await using var app = ServedApp.Start(WithDevice(new BlacklistAppFactory(), "fw-e2e", fortigate));
        var board = app.Factory.Services.GetRequiredService<PushStatusBoard>();

        // The first push is a snapshot of what is served (nothing yet).
        var first = (await fortigate.WaitForAsync(r => r.Count >= 1, "the first push")).Single();
        first.Commands.Single().ToString().ShouldBe($"snapshot {Feed} []");

        // Then deltas, in entries as the device holds them: a merged range replaces its parts.
        var firstId = await app.BlockAsync("45.1.2.3");
        await WaitForAppliedAsync(fortigate, 2);
        await app.BlockAsync("45.1.2.4");
        await WaitForAppliedAsync(fortigate, 4);
        await app.Factory.ChangeAndWaitAsync(() => app.Client.DeleteAsync($"/api/blacklist/manual/{firstId}"));
        var applied = await WaitForAppliedAsync(fortigate, 6);

        applied.Select(r => r.Commands.Single().ToString()).ShouldBe(
        [
            $"snapshot {Feed} []",
            $"add {Feed} [45.1.2.3]",
            $"remove {Feed} [45.1.2.3]",
            $"add {Feed} [45.1.2.3-45.1.2.4]",
            $"remove {Feed} [45.1.2.3-45.1.2.4]",
            $"add {Feed} [45.1.2.4]",
        ]);
        fortigate.Entries(Feed).ShouldBe(["45.1.2.4"]);
        board.List().Single().LastMode.ShouldBe("delta");

        // Outage 1: the device answers 500 (tried twice: Retries = 1), and the push counts as failed.
        fortigate.FailWith(HttpStatusCode.InternalServerError);
        await app.BlockAsync("45.9.9.9");
        await WaitForAsync(() => board.List().Single().ConsecutiveFailures == 1, "the first failure");
        fortigate.Received.Count(r => r.Status == HttpStatusCode.InternalServerError).ShouldBe(2);
        var failed = board.List().Single();
        failed.LastOutcome.ShouldBe("failed");
        failed.LastError!.ShouldContain("HTTP 500");
        failed.DeviceVersion.ShouldBeNull();
        failed.NextAttemptAt.ShouldBe(app.Factory.Time.GetUtcNow() + TimeSpan.FromMinutes(1));

        // Outage 2: the device is gone (connection refused); the backoff doubles.
        await fortigate.StopAsync();
        app.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await WaitForAsync(() => board.List().Single().ConsecutiveFailures == 2, "the second failure");
        board.List().Single().LastError!.ShouldContain("could not be reached");
        board.List().Single().NextAttemptAt.ShouldBe(app.Factory.Time.GetUtcNow() + TimeSpan.FromMinutes(2));

        // Back: what the device holds is unknown, so it gets the whole list as a snapshot.
        await fortigate.RestartAsync();
        fortigate.FailWith(null);
        app.Factory.Time.Advance(TimeSpan.FromMinutes(2));
        applied = await WaitForAppliedAsync(fortigate, 7);
        applied[^1].Commands.Single().ToString().ShouldBe($"snapshot {Feed} [45.1.2.4, 45.9.9.9]");
        fortigate.Entries(Feed).ShouldBe(["45.1.2.4", "45.9.9.9"]);

        // The key went as FortiOS takes it, in the Authorization header, never in the URL.
        fortigate.Received.ShouldAllBe(r => r.Authorization == $"Bearer {Token}" && !r.Query.Contains("access_token"));

        await WaitForAsync(() => board.List().Single().LastOutcome == "succeeded", "the success after the outage");
        var status = await app.Client.GetFromJsonAsync<JsonElement>("/api/collection/status");
        var device = status.GetProperty("pushDevices").EnumerateArray().Single();
        device.GetProperty("device").GetString().ShouldBe("fw-e2e");
        device.GetProperty("profile").GetString().ShouldBe("fortigate-128k");
        device.GetProperty("resource").GetString().ShouldBe(Feed);
        device.GetProperty("lastOutcome").GetString().ShouldBe("succeeded");
        device.GetProperty("lastMode").GetString().ShouldBe("snapshot");
        device.GetProperty("entries").GetInt64().ShouldBe(2);
        device.GetProperty("consecutiveFailures").GetInt32().ShouldBe(0);
        device.GetProperty("deviceVersion").GetInt64().ShouldBe(app.Factory.CurrentVersion);
        device.GetProperty("url").GetString().ShouldBe(new Uri(fortigate.BaseAddress, FakeFortiGate.ApiPath).ToString());
        status.GetRawText().ShouldNotContain(Token);

        var metrics = await app.Client.GetStringAsync("/metrics");
        metrics.ShouldContain("blacklist_push_runs_total{device=\"fw-e2e\",outcome=\"succeeded\"} 5");
        metrics.ShouldContain("blacklist_push_runs_total{device=\"fw-e2e\",outcome=\"failed\"} 2");
        var lastSuccess = app.Factory.Time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        metrics.ShouldContain($"blacklist_push_last_success_timestamp_seconds{{device=\"fw-e2e\"}} {lastSuccess.ToString(CultureInfo.InvariantCulture)}");
        metrics.ShouldContain("blacklist_push_entries{device=\"fw-e2e\"} 2");
    }

    [Fact]
    public async Task A_long_list_goes_as_a_snapshot_of_the_first_batch_and_adds_of_the_rest()
    {
        await using var fortigate = await FakeFortiGate.StartAsync(Token);
        fortigate.FailWith(HttpStatusCode.ServiceUnavailable);
        await using var app = ServedApp.Start(WithDevice(new BlacklistAppFactory(), "fw-batches", fortigate).With("Blacklist:Push:BatchSize", "2"));
        var board = app.Factory.Services.GetRequiredService<PushStatusBoard>();
        await WaitForAsync(() => board.List().Single().ConsecutiveFailures == 1, "the failed first push");

        await app.BlockAsync("45.1.2.1");
        await app.BlockAsync("45.1.2.3");
        await app.BlockAsync("45.1.2.5");
        fortigate.FailWith(null);
        app.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var applied = await WaitForAppliedAsync(fortigate, 2);

        applied.Select(r => r.Commands.Single().ToString()).ShouldBe(
            [$"snapshot {Feed} [45.1.2.1, 45.1.2.3]", $"add {Feed} [45.1.2.5]"]);
    }

    [Fact]
    public async Task A_refused_key_is_not_retried_and_the_status_says_what_to_check()
    {
        await using var fortigate = await FakeFortiGate.StartAsync("another-key");
        await using var app = ServedApp.Start(WithDevice(new BlacklistAppFactory(), "fw-key", fortigate));
        var board = app.Factory.Services.GetRequiredService<PushStatusBoard>();

        await WaitForAsync(() => board.List().Single().ConsecutiveFailures == 1, "the refused push");

        fortigate.Received.Count.ShouldBe(1);
        board.List().Single().LastError!.ShouldContain("refused the API key (HTTP 401)");
        board.List().Single().LastError!.ShouldContain("Blacklist:Push:fw-key:Token");
    }

    [Fact]
    public async Task A_switched_off_device_is_listed_and_never_called()
    {
        await using var fortigate = await FakeFortiGate.StartAsync(Token);
        await using var app = ServedApp.Start(WithDevice(new BlacklistAppFactory(), "fw-off", fortigate).With("Blacklist:Push:fw-off:Enabled", "false"));
        await app.BlockAsync("45.1.2.3");

        var status = await app.Client.GetFromJsonAsync<JsonElement>("/api/collection/status");

        var device = status.GetProperty("pushDevices").EnumerateArray().Single();
        device.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        device.GetProperty("lastAttemptAt").ValueKind.ShouldBe(JsonValueKind.Null);
        fortigate.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_self_signed_certificate_is_refused_unless_the_device_says_not_to_verify_it()
    {
        using var certificate = FakeFortiGate.SelfSignedCertificate();
        await using var fortigate = await FakeFortiGate.StartAsync(Token, certificate);
        await using var app = ServedApp.Start(WithDevice(WithDevice(new BlacklistAppFactory(), "fw-tls-checked", fortigate), "fw-tls-trusted", fortigate)
            .With("Blacklist:Push:fw-tls-checked:Resource", "checked")
            .With("Blacklist:Push:fw-tls-trusted:Resource", "trusted")
            .With("Blacklist:Push:fw-tls-trusted:VerifyTls", "false"));
        var board = app.Factory.Services.GetRequiredService<PushStatusBoard>();

        await WaitForAsync(() => board.List().Any(d => d.ConsecutiveFailures == 1) && board.List().Any(d => d.LastOutcome == "succeeded"), "one refusal and one success");

        fortigate.BaseAddress.Scheme.ShouldBe("https");
        var byName = board.List().ToDictionary(d => d.Device);
        byName["fw-tls-checked"].LastError!.ShouldContain("could not be reached");
        byName["fw-tls-trusted"].LastMode.ShouldBe("snapshot");
        fortigate.Applied.SelectMany(r => r.Commands).Select(c => c.Name).ShouldBe(["trusted"]);
    }

    private static BlacklistAppFactory WithDevice(BlacklistAppFactory factory, string name, FakeFortiGate fortigate)
        => factory
            .With("Blacklist:Push:Retries", "1")
            .With("Blacklist:Push:RetryDelay", "00:00:00")
            .With("Blacklist:Push:Backoff", "00:01:00")
            .With($"Blacklist:Push:{name}:Url", fortigate.BaseAddress.ToString())
            .With($"Blacklist:Push:{name}:Profile", "fortigate-128k")
            .With($"Blacklist:Push:{name}:Resource", Feed)
            .With($"Blacklist:Push:{name}:Token", Token);

    private static async Task<IReadOnlyList<ReceivedPush>> WaitForAppliedAsync(FakeFortiGate fortigate, int count)
    {
        await fortigate.WaitForAsync(r => r.Count(p => p.Status == HttpStatusCode.OK) >= count, $"{count} applied pushes");
        return fortigate.Applied;
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited in vain for {what}.");
            }

            await Task.Delay(20);
        }
    }
}
