using Blacklist.Server.Feeds;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Push;

/// <summary>
/// Pushes each configured profile to its FortiGate after every snapshot change: a delta when the
/// device is known to hold an earlier version that the history still reaches, a full snapshot
/// otherwise (first push, history lost, or after a failed push, when what the device holds is
/// unknown). A failed push is tried again after a backoff that doubles per failure in a row.
/// One loop per device, so a slow or failing device never holds up another.
/// </summary>
internal sealed class PushService(
    FeedPublisher publisher,
    PushStatusBoard board,
    IOptions<PushOptions> options,
    TimeProvider time,
    ILogger<PushService> logger) : BackgroundService
{
    private readonly PushOptions _options = options.Value;
    private readonly IReadOnlyList<PushDevice> _devices = PushDeviceReader.Read(options.Value, [.. publisher.Profiles.Select(p => p.Name)]).Devices;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Listed before the first push, so the status shows every configured device at once.
        foreach (var device in _devices)
        {
            board.Set(new PushDeviceStatus(device.Name, device.Profile, device.Resource, device.DisplayUrl, device.Enabled));
        }

        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var device in _devices.Where(d => !d.Enabled))
        {
            PushLog.Disabled(logger, device.Name);
        }

        return Task.WhenAll(_devices.Where(d => d.Enabled).Select(d => RunDeviceAsync(d, stoppingToken)));
    }

    private async Task RunDeviceAsync(PushDevice device, CancellationToken stoppingToken)
    {
        using var client = new FortiGateClient(device, _options, time, logger);
        long? deviceVersion = null;
        var unknownReason = "first push";
        long seen = 0;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // After a failure the current list is pushed once the backoff is over, new snapshot or not.
                var generation = failures == 0 || publisher.Current is null
                    ? await publisher.WaitForNewerAsync(seen, stoppingToken)
                    : publisher.Current;
                seen = generation.Version;
                var startedAt = time.GetUtcNow();
                try
                {
                    var plan = PushPlanner.Plan(publisher, generation, device.Profile, deviceVersion, unknownReason);
                    await SendAsync(client, device, plan, stoppingToken);
                    deviceVersion = plan.Version;
                    failures = 0;
                    Succeeded(device, plan, startedAt);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    if (e is not PushFailedException)
                    {
                        PushLog.Unexpected(logger, device.Name, e);
                    }

                    // Part of the list may have reached the device: only a snapshot puts it right.
                    deviceVersion = null;
                    unknownReason = "after a failed push";
                    failures++;
                    var backoff = BackoffAfter(failures);
                    var wait = Task.Delay(backoff, time, stoppingToken);
                    Failed(device, generation.Version, startedAt, failures, backoff, e.Message);
                    await wait;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SendAsync(FortiGateClient client, PushDevice device, PushPlan plan, CancellationToken cancellationToken)
    {
        var batch = _options.BatchSize;
        switch (plan.Mode)
        {
            case PushMode.Snapshot:
                // The first batch replaces everything; the rest is added to it.
                // An empty list is still one snapshot command, so an emptied profile clears the device.
                var entries = FortiGateEntries.Of(plan.Added);
                IEnumerable<string[]> chunks = entries.Count == 0 ? [[]] : entries.Chunk(batch);
                var command = FortiGateCommand.Snapshot;
                foreach (var chunk in chunks)
                {
                    await client.SendAsync(command, chunk, cancellationToken);
                    command = FortiGateCommand.Add;
                }

                PushLog.Snapshot(logger, device.Name, device.Profile, plan.Version, entries.Count, plan.Reason ?? "");
                break;
            case PushMode.Delta:
                // Removals first, so the device never holds more than the profile's limit on the way.
                foreach (var chunk in FortiGateEntries.Of(plan.Removed).Chunk(batch))
                {
                    await client.SendAsync(FortiGateCommand.Remove, chunk, cancellationToken);
                }

                foreach (var chunk in FortiGateEntries.Of(plan.Added).Chunk(batch))
                {
                    await client.SendAsync(FortiGateCommand.Add, chunk, cancellationToken);
                }

                PushLog.Delta(logger, device.Name, device.Profile, plan.Version, plan.Added.Count, plan.Removed.Count);
                break;
            case PushMode.Unchanged:
                break;
        }
    }

    private void Succeeded(PushDevice device, PushPlan plan, DateTimeOffset at)
    {
        if (plan.Mode != PushMode.Unchanged)
        {
            PushMetrics.Succeeded(device.Name, at, plan.Entries);
        }

        board.Update(device.Name, s => s with
        {
            DeviceVersion = plan.Version,
            Entries = plan.Entries,
            LastAttemptAt = at,
            LastSuccessAt = plan.Mode == PushMode.Unchanged ? s.LastSuccessAt : at,
            LastOutcome = plan.Mode == PushMode.Unchanged ? "unchanged" : "succeeded",
            LastMode = plan.Mode == PushMode.Unchanged ? s.LastMode : plan.Mode == PushMode.Snapshot ? "snapshot" : "delta",
            LastAdded = plan.Added.Count,
            LastRemoved = plan.Removed.Count,
            ConsecutiveFailures = 0,
            LastError = null,
            NextAttemptAt = null,
        });
    }

    private void Failed(PushDevice device, long version, DateTimeOffset at, int failures, TimeSpan backoff, string reason)
    {
        PushLog.Failed(logger, device.Name, device.Profile, version, failures, backoff, reason);
        PushMetrics.Failed(device.Name, failures);
        board.Update(device.Name, s => s with
        {
            DeviceVersion = null,
            LastAttemptAt = at,
            LastOutcome = "failed",
            ConsecutiveFailures = failures,
            LastError = reason,
            NextAttemptAt = time.GetUtcNow() + backoff,
        });
    }

    private TimeSpan BackoffAfter(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var backoff = _options.Backoff * factor;
        return backoff > _options.MaxBackoff ? _options.MaxBackoff : backoff;
    }
}
