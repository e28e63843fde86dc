using Blacklist.Collectors.Polite;
using Microsoft.Extensions.Time.Testing;

namespace Blacklist.Collectors.Tests.Polite;

public sealed class SourceRequestGateTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 8, 20, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_second_request_to_the_same_source_waits_for_the_first_and_the_interval()
    {
        var gate = new SourceRequestGate(_time);
        var first = await gate.EnterAsync("regtech", TimeSpan.FromMilliseconds(500), default);

        var second = gate.EnterAsync("REGTECH", TimeSpan.FromMilliseconds(500), default);
        await Task.Delay(20);
        second.IsCompleted.ShouldBeFalse();

        first.Dispose();
        await Task.Delay(20);
        second.IsCompleted.ShouldBeFalse();

        _time.Advance(TimeSpan.FromMilliseconds(499));
        await Task.Delay(20);
        second.IsCompleted.ShouldBeFalse();

        _time.Advance(TimeSpan.FromMilliseconds(1));
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Different_sources_do_not_wait_for_each_other()
    {
        var gate = new SourceRequestGate(_time);
        using var regtech = await gate.EnterAsync("regtech", TimeSpan.FromSeconds(1), default);

        using var secudium = await gate.EnterAsync("secudium", TimeSpan.FromSeconds(1), default).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_cancelled_wait_gives_the_turn_back()
    {
        var gate = new SourceRequestGate(_time);
        var first = await gate.EnterAsync("regtech", TimeSpan.Zero, default);
        using var cancel = new CancellationTokenSource();
        var waiting = gate.EnterAsync("regtech", TimeSpan.FromSeconds(10), cancel.Token);
        first.Dispose();
        await Task.Delay(20);

        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => waiting);

        _time.Advance(TimeSpan.FromSeconds(10));
        (await gate.EnterAsync("regtech", TimeSpan.FromSeconds(10), default).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
