using System.Net;
using System.Text.Json;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Collection;

/// <summary>Triggers runs over HTTP and follows them to the end, as an operator's script would.</summary>
internal static class CollectionClient
{
    public static async Task<long> TriggerAsync(this HttpClient client, string source, HttpContent? body = null)
    {
        var response = await client.PostAsync($"/api/collection/{source}/trigger", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var json = await response.JsonAsync();
        var runId = json.GetProperty("runId").GetInt64();
        json.GetProperty("status").GetString().ShouldBe("queued");
        response.Headers.Location!.ToString().ShouldBe($"/api/collection/runs/{runId}");
        return runId;
    }

    /// <summary>Polls the run (real time, bounded) until it has finished and returns it.</summary>
    public static async Task<JsonElement> WaitForRunAsync(this HttpClient client, long runId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var run = await (await client.GetAsync($"/api/collection/runs/{runId}", timeout.Token)).JsonAsync();
            if (run.GetProperty("status").GetString() is not ("queued" or "running"))
            {
                return run;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    public static async Task<JsonElement> TriggerAndWaitAsync(this HttpClient client, string source)
        => await client.WaitForRunAsync(await client.TriggerAsync(source));

    /// <summary>
    /// The source's active indicators, polled (real time, bounded) until they equal <paramref name="expected"/>:
    /// the status counts them in the served snapshot, which is rebuilt just after a run commits.
    /// </summary>
    public static async Task<long> ActiveIndicatorsAsync(this HttpClient client, string source, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var count = (await client.SourceStatusAsync(source)).GetProperty("activeIndicators").GetInt64();
            if (count == expected || DateTime.UtcNow > deadline)
            {
                return count;
            }

            await Task.Delay(50);
        }
    }

    public static async Task<JsonElement> SourceStatusAsync(this HttpClient client, string source)
    {
        var status = await (await client.GetAsync("/api/collection/status")).JsonAsync();
        return status.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == source);
    }
}
