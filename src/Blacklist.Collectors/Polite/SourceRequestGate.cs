using System.Collections.Concurrent;

namespace Blacklist.Collectors.Polite;

/// <summary>
/// One request at a time per source, with a least interval between two requests: runs of the
/// same source (a scheduled one and a manual one, say) queue here instead of hitting the portal
/// together. A singleton, so the pacing spans runs.
/// </summary>
public sealed class SourceRequestGate
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;

    public SourceRequestGate(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Waits for the source's turn and its interval; disposing the slot ends the request.</summary>
    public async Task<IDisposable> EnterAsync(string source, TimeSpan minInterval, CancellationToken cancellationToken)
    {
        var lane = _lanes.GetOrAdd(source, _ => new Lane());
        await lane.Turn.WaitAsync(cancellationToken);
        try
        {
            var wait = lane.LastEnded + minInterval - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }
        }
        catch
        {
            lane.Turn.Release();
            throw;
        }

        return new Slot(lane, _time);
    }

    private sealed class Lane
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public DateTimeOffset LastEnded { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed class Slot(Lane lane, TimeProvider time) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                lane.LastEnded = time.GetUtcNow();
                lane.Turn.Release();
            }
        }
    }
}
