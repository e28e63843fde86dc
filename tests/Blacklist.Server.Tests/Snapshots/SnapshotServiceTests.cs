using Blacklist.Core.Addresses;
using Blacklist.Data.Contracts;
using Blacklist.Server.Snapshots;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Blacklist.Server.Tests.Snapshots;

public sealed class SnapshotServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 8, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryIndicatorStore _store = new();
    private readonly SnapshotHolder _holder = new();
    private readonly List<(ServiceProvider Provider, SnapshotService Service)> _started = [];

    private SnapshotService Service => _started[0].Service;

    private ServiceProvider Provider => _started[0].Provider;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (provider, service) in _started)
        {
            await service.StopAsync(CancellationToken.None);
            await provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task Start_up_loads_the_first_snapshot_before_it_returns()
    {
        _store.AddSilently(IpRange.V4(0x2D010203), Start.AddDays(1));

        await StartAsync();

        _holder.Current.ShouldNotBeNull();
        _holder.Current.Snapshot.Counts.Entries.ShouldBe(1);
        _holder.Current.IsRendered(Core.Rendering.ListFormat.Plain).ShouldBeTrue();
    }

    [Fact]
    public async Task A_burst_of_changes_builds_one_snapshot_after_the_debounce()
    {
        await StartAsync(debounce: TimeSpan.FromMilliseconds(250));
        var loadsBefore = _store.Loads;

        for (var i = 0; i < 5; i++)
        {
            _store.AddSilently(IpRange.V4(0x2D010200 + (uint)i), Start.AddDays(1));
            Service.NotifyChanged();
        }

        await Task.Delay(100);
        _store.Loads.ShouldBe(loadsBefore); // nothing before the debounce has passed
        await AdvanceUntilAsync(() => _holder.Current!.Snapshot.Counts.Indicators == 5, TimeSpan.FromMilliseconds(50));
        await Task.Delay(100);
        _store.Loads.ShouldBe(loadsBefore + 1);
    }

    [Fact]
    public async Task A_change_made_elsewhere_is_picked_up_by_polling_the_change_counter()
    {
        await StartAsync(poll: TimeSpan.FromSeconds(5));
        var before = _holder.Current!.Snapshot.Version;

        _store.AddSilently(IpRange.V4(0x2D010203), Start.AddDays(1));
        await AdvanceUntilAsync(() => _holder.Current!.Snapshot.Version > before, TimeSpan.FromSeconds(1));

        _holder.Current!.Snapshot.Counts.Entries.ShouldBe(1);
    }

    [Fact]
    public async Task Polling_without_a_change_does_not_rebuild()
    {
        await StartAsync(poll: TimeSpan.FromSeconds(5));
        var loads = _store.Loads;

        for (var i = 0; i < 6; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
        }

        _store.Loads.ShouldBe(loads);
    }

    [Fact]
    public async Task The_snapshot_is_rebuilt_when_the_earliest_expiry_passes_under_a_version_advanced_in_the_database()
    {
        _store.AddSilently(IpRange.V4(0x2D010203), Start.AddMinutes(3));
        _store.AddSilently(IpRange.V4(0x2D010204), Start.AddDays(3));
        await StartAsync(poll: TimeSpan.FromHours(1), maxAge: TimeSpan.FromHours(12));
        _holder.Current!.Snapshot.NextExpiry.ShouldBe(Start.AddMinutes(3));
        _holder.Current.Snapshot.Version.ShouldBe(2);

        // Stepped: the loop may arm its timer just after a single jump of the fake clock.
        _time.Advance(TimeSpan.FromMinutes(3));
        await AdvanceUntilAsync(() => _holder.Current!.Snapshot.Version > 2, TimeSpan.FromMinutes(1));

        var next = _holder.Current!;
        next.Snapshot.Counts.Entries.ShouldBe(1);
        next.Snapshot.BuiltAt.ShouldBeGreaterThanOrEqualTo(Start.AddMinutes(3));
        next.Snapshot.Version.ShouldBe(3, "the expiry moved the change counter by one");
        (await _store.GetChangeCounterAsync(CancellationToken.None)).ShouldBe(3);
        _store.Advances.ShouldBe(1);
    }

    [Fact]
    public async Task Of_two_replicas_only_the_first_to_notice_an_expiry_advances_the_counter_and_both_serve_its_version()
    {
        _store.AddSilently(IpRange.V4(0x2D010203), Start.AddMinutes(3));
        _store.AddSilently(IpRange.V4(0x2D010204), Start.AddDays(3));
        await StartAsync(poll: TimeSpan.FromSeconds(5), maxAge: TimeSpan.FromHours(12));
        var other = new SnapshotHolder();
        await StartAsync(poll: TimeSpan.FromSeconds(5), maxAge: TimeSpan.FromHours(12), holder: other);

        _time.Advance(TimeSpan.FromMinutes(3));
        await AdvanceUntilAsync(() => _holder.Current!.Snapshot.Version == 3 && other.Current!.Snapshot.Version == 3, TimeSpan.FromSeconds(1));

        _store.Advances.ShouldBe(1);
        other.Current!.Snapshot.Counts.Entries.ShouldBe(1);
        _holder.Current!.Snapshot.Counts.Entries.ShouldBe(1);
    }

    [Fact]
    public async Task A_rebuild_for_the_maximum_age_alone_keeps_the_version_and_the_rendered_lists()
    {
        _store.AddSilently(IpRange.V4(0x2D010203), Start.AddDays(3));
        await StartAsync(poll: TimeSpan.FromHours(1), maxAge: TimeSpan.FromMinutes(10));
        var first = _holder.Current!;

        _time.Advance(TimeSpan.FromMinutes(10));
        await AdvanceUntilAsync(() => _holder.Current != first, TimeSpan.FromMinutes(1));

        _holder.Current!.Snapshot.BuiltAt.ShouldBeGreaterThanOrEqualTo(Start.AddMinutes(10));
        _holder.Current.Snapshot.Version.ShouldBe(first.Snapshot.Version);
        _store.Advances.ShouldBe(0);
        var plain = Core.Rendering.ListFormat.Plain;
        (await _holder.Current.PayloadAsync(plain)).ShouldBeSameAs(await first.PayloadAsync(plain), "same content, same bytes and ETag");
    }

    [Fact]
    public async Task A_failed_rebuild_keeps_the_previous_snapshot_and_retries_at_the_next_poll()
    {
        _store.AddSilently(IpRange.V4(0x2D010203), Start.AddDays(1));
        await StartAsync(poll: TimeSpan.FromSeconds(5));
        var served = _holder.Current!;
        var database = Provider.GetRequiredService<DatabaseStatus>();

        _store.Down = true;
        _store.AddSilently(IpRange.V4(0x2D010204), Start.AddDays(1));
        Service.NotifyChanged();
        await AdvanceUntilAsync(() => database.IsUp == false, TimeSpan.FromMilliseconds(10));

        _holder.Current.ShouldBeSameAs(served);
        database.Detail.ShouldContain("SimulatedDatabaseOutage");
        _store.Down = false;
        await AdvanceUntilAsync(() => _holder.Current!.Snapshot.Counts.Entries == 2, TimeSpan.FromSeconds(1));
        database.IsUp.ShouldBe(true);
    }

    [Fact]
    public async Task Without_a_database_at_start_there_is_no_snapshot_until_it_answers()
    {
        _store.Down = true;
        await StartAsync(poll: TimeSpan.FromSeconds(5));
        _holder.Current.ShouldBeNull();

        _store.Down = false;
        await AdvanceUntilAsync(() => _holder.Current is not null, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task The_version_is_the_change_counter_and_a_rebuild_without_a_change_keeps_it()
    {
        for (var i = 0; i < 7; i++)
        {
            _store.AddSilently(IpRange.V4(0x2D010200 + (uint)i), Start.AddDays(1));
        }

        await StartAsync();
        var first = _holder.Current!;
        first.Snapshot.Version.ShouldBe(7);

        Service.NotifyChanged();
        await AdvanceUntilAsync(() => _holder.Current != first, TimeSpan.Zero);
        _holder.Current!.Snapshot.Version.ShouldBe(7);
        _store.AddSilently(IpRange.V4(0x2D010300), Start.AddDays(1));
        Service.NotifyChanged();
        var next = await _holder.WaitForNewerAsync(7, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

        next.Snapshot.Version.ShouldBe(8);
        next.Snapshot.ChangeCounter.ShouldBe(8);
        _store.Advances.ShouldBe(0);
    }

    [Fact]
    public async Task A_database_nothing_was_written_to_gets_version_one_not_the_zero_that_means_no_snapshot()
    {
        await StartAsync();

        _holder.Current!.Snapshot.Version.ShouldBe(1);
        _store.Advances.ShouldBe(1);
    }

    private async Task StartAsync(TimeSpan? debounce = null, TimeSpan? poll = null, TimeSpan? maxAge = null, SnapshotHolder? holder = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<IIndicatorStore>(_store);
        services.AddSingleton(holder ?? _holder);
        services.AddSingleton<DatabaseStatus>();
        services.AddSingleton(Options.Create(new SnapshotServiceOptions
        {
            Debounce = debounce ?? TimeSpan.Zero,
            PollInterval = poll ?? TimeSpan.FromSeconds(5),
            MaxAge = maxAge ?? TimeSpan.FromHours(1),
        }));
        services.AddSingleton(Options.Create(new ListOptions()));
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<SnapshotService>();
        var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<SnapshotService>();
        _started.Add((provider, service));
        await ((IHostedService)service).StartAsync(CancellationToken.None);
    }

    // The service's timers are on the fake clock; step it until the condition holds (bounded in real time).
    private async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the snapshot service did not get there");
            _time.Advance(step);
            await Task.Delay(10);
        }
    }
}
