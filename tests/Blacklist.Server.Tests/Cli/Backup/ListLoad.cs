using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;

namespace Blacklist.Server.Tests.Cli.Backup;

/// <summary>
/// A load script against a running server: one writer adds manual entries one after another (each
/// in its own /24, away from the existing list, so no two merge into one line) and records the
/// order they were committed in; one reader fetches the active list in a loop and remembers a
/// hash of each distinct body it was served.
/// </summary>
internal sealed class ListLoad(HttpClient client, IReadOnlySet<string> existing) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _committed = new();
    private readonly ConcurrentDictionary<int, string> _servedHashes = new();
    private Task? _writer;
    private Task? _reader;

    /// <summary>The manual entries the server answered 201 for, in that order.</summary>
    public IReadOnlyList<string> Committed => [.. _committed];

    public int CommittedCount => _committed.Count;

    /// <summary>SHA-256 of a body the server served, by its number of lines.</summary>
    public IReadOnlyDictionary<int, string> ServedHashes => _servedHashes;

    public int Reads { get; private set; }

    public void Start()
    {
        _writer = Task.Run(WriteAsync);
        _reader = Task.Run(ReadAsync);
    }

    public async Task WaitForCommittedAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (_committed.Count < count)
        {
            if (_writer is { IsFaulted: true })
            {
                await _writer;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writer ?? Task.CompletedTask, _reader ?? Task.CompletedTask);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    public static string[] Lines(string body) => body.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static string Hash(string body) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    private async Task WriteAsync()
    {
        foreach (var ip in FreshAddresses())
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            using var response = await client.PostAsJsonAsync("/api/blacklist/manual", new { ip, reason = "backup load" });
            ((int)response.StatusCode).ShouldBe(201, await response.Content.ReadAsStringAsync());
            _committed.Enqueue(ip);
        }
    }

    private async Task ReadAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var body = await client.GetStringAsync("/api/blacklist/active");
            _servedHashes.TryAdd(Lines(body).Length, Hash(body));
            Reads++;
        }
    }

    private IEnumerable<string> FreshAddresses()
    {
        var taken = existing.Select(line => line[..(line.LastIndexOf('.') + 1)]).ToHashSet(StringComparer.Ordinal);
        for (var b = 0; b < 256; b++)
        {
            for (var c = 0; c < 256; c++)
            {
                var prefix = $"23.{b}.{c}.";
                if (!taken.Contains(prefix))
                {
                    yield return prefix + "7";
                }
            }
        }
    }
}
