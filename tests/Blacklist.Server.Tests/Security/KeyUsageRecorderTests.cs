using Blacklist.Data.Security;
using Blacklist.Server.Security;
using Blacklist.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Blacklist.Server.Tests.Security;

public sealed class KeyUsageRecorderTests
{
    private static readonly ApiKeyRecord Key = new(7, "0123456789abcdef", "fortigate", SecurityRole.Reader, [], BlacklistAppFactory.Start, "test", null, null, null);

    [Fact]
    public async Task A_failing_write_neither_throws_nor_is_retried_within_the_minute()
    {
        var store = new UsageStore { Failure = new SimulatedDatabaseOutage() };
        var time = new FakeTimeProvider(BlacklistAppFactory.Start);
        var recorder = new KeyUsageRecorder(store, time, NullLogger<KeyUsageRecorder>.Instance);

        await recorder.Record(Key).WaitAsync(TimeSpan.FromSeconds(10));
        await recorder.Record(Key).WaitAsync(TimeSpan.FromSeconds(10));
        store.Touches.ShouldBe(1);

        time.Advance(TimeSpan.FromMinutes(1));
        await recorder.Record(Key).WaitAsync(TimeSpan.FromSeconds(10));
        store.Touches.ShouldBe(2);
    }

    [Fact]
    public async Task A_hanging_write_does_not_hold_up_the_caller_and_is_abandoned_after_its_timeout()
    {
        var store = new UsageStore { Hang = true };
        var time = new FakeTimeProvider(BlacklistAppFactory.Start);
        var recorder = new KeyUsageRecorder(store, time, NullLogger<KeyUsageRecorder>.Instance);

        var write = recorder.Record(Key);
        await Task.Delay(100);
        write.IsCompleted.ShouldBeFalse();

        // The write's timeout runs on the injected clock; the write task may not have armed it yet.
        for (var step = 0; step < 100 && !write.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(50);
        }

        write.IsCompletedSuccessfully.ShouldBeTrue("the hanging write was not abandoned after its timeout");
        store.Touches.ShouldBe(1);
    }

    /// <summary>Counts TouchAsync calls, which fail or never finish on demand; nothing else is used.</summary>
    private sealed class UsageStore : IApiKeyStore
    {
        private int _touches;

        public Exception? Failure { get; init; }

        public bool Hang { get; init; }

        public int Touches => Volatile.Read(ref _touches);

        public Task TouchAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _touches);
            return Hang ? new TaskCompletionSource().Task : Failure is { } failure ? Task.FromException(failure) : Task.CompletedTask;
        }

        public Task<CreatedApiKey> CreateAsync(ApiKeyRequest request, string actor, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoredApiKey?> FindAsync(string keyId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RevokeAsync(long id, string actor, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CreatedApiKey?> CreateFirstAdminAsync(ApiKeyRequest request, string actor, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
