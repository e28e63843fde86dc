using System.Text.Json;
using Blacklist.Server.Tests.Infrastructure;

namespace Blacklist.Server.Tests.Replicas;

/// <summary>A collection run as GET /api/collection/runs lists it.</summary>
internal sealed record ObservedRun(long Id, string Trigger, string Status, DateTimeOffset QueuedAt, DateTimeOffset? FinishedAt)
{
    public bool IsScheduled => Trigger == "scheduled";

    public bool IsFinished => Status is not ("queued" or "running");

    /// <summary>Whether the run was queued before <paramref name="at"/> and had not finished by then.</summary>
    public bool WasGoingAt(DateTimeOffset at) => QueuedAt < at && (FinishedAt is null || FinishedAt > at);

    public override string ToString() => $"{Id} {Trigger} {Status} {QueuedAt:HH:mm:ss.fff}–{FinishedAt:HH:mm:ss.fff}";

    /// <summary>The runs of <paramref name="source"/> a replica lists, newest first.</summary>
    public static async Task<IReadOnlyList<ObservedRun>> ListAsync(HttpClient client, string source)
    {
        using var response = await client.GetAsync($"/api/collection/runs?source={source}&limit=500");
        ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).EnumerateArray().Select(From).ToList();
    }

    /// <summary>Whether the replica says it is the one running scheduled collection (/api/collection/status).</summary>
    public static async Task<bool> IsSchedulingReplicaAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/collection/status");
        ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("schedulingReplica").GetBoolean();
    }

    private static ObservedRun From(JsonElement run) => new(
        run.GetProperty("id").GetInt64(),
        run.GetProperty("trigger").GetString()!,
        run.GetProperty("status").GetString()!,
        run.GetProperty("queuedAt").GetDateTimeOffset(),
        run.TryGetProperty("finishedAt", out var finished) && finished.ValueKind == JsonValueKind.String ? finished.GetDateTimeOffset() : null);
}
