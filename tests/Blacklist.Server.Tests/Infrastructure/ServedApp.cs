namespace Blacklist.Server.Tests.Infrastructure;

/// <summary>A started <see cref="BlacklistAppFactory"/> and its client, for tests that change data and wait for the next snapshot.</summary>
public sealed class ServedApp : IAsyncDisposable
{
    private ServedApp(BlacklistAppFactory factory)
    {
        Factory = factory;
        Client = factory.CreateClient();
    }

    public BlacklistAppFactory Factory { get; }

    public HttpClient Client { get; }

    public static ServedApp Start(BlacklistAppFactory? factory = null) => new(factory ?? new BlacklistAppFactory());

    /// <summary>Adds a manual entry and waits until it is served.</summary>
    public Task<long> BlockAsync(string ip, string reason = "test", object? extra = null)
        => Factory.ChangeAndWaitAsync(() => Client.AddManualAsync(extra ?? new { ip, reason }));

    /// <summary>Adds an allowlist entry and waits until the snapshot reflects it.</summary>
    public Task<long> AllowAsync(string ip, string reason = "partner")
        => Factory.ChangeAndWaitAsync(() => Client.AddAllowlistAsync(new { ip, reason }));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
