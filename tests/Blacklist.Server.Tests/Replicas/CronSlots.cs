namespace Blacklist.Server.Tests.Replicas;

/// <summary>
/// The slots of a seconds cron that divides a minute evenly ("*/3 * * * * *" → every 3 s from the
/// epoch), and real-time waits for them: the replicas are separate processes on this machine's clock.
/// </summary>
internal sealed class CronSlots(TimeSpan interval)
{
    public TimeSpan Interval { get; } = interval;

    /// <summary>The cron expression with seconds for this interval.</summary>
    public string Expression => $"*/{Interval.TotalSeconds:0} * * * * *";

    /// <summary>The slot <paramref name="at"/> falls in.</summary>
    public DateTimeOffset SlotOf(DateTimeOffset at)
    {
        var ms = (long)Interval.TotalMilliseconds;
        return DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds() / ms * ms);
    }

    /// <summary>The first slot after now.</summary>
    public DateTimeOffset Next() => SlotOf(DateTimeOffset.UtcNow) + Interval;

    /// <summary>Every slot from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public IEnumerable<DateTimeOffset> Between(DateTimeOffset first, DateTimeOffset last)
    {
        for (var slot = first; slot <= last; slot += Interval)
        {
            yield return slot;
        }
    }

    public static async Task DelayUntilAsync(DateTimeOffset at)
    {
        var wait = at - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }
}
