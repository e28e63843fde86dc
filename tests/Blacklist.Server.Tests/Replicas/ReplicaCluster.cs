using System.Text.RegularExpressions;
using Blacklist.Server.Tests.Cli.Net;
using Blacklist.Testing;

namespace Blacklist.Server.Tests.Replicas;

/// <summary>
/// Several replicas of the server on one PostgreSQL database and one Redis, all started at once on
/// an empty database (as a Deployment's pods are), plus an admin key made with `blacklist keys create`.
/// </summary>
internal sealed partial class ReplicaCluster : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private ReplicaCluster(IReadOnlyList<ReplicaProcess> replicas, string adminKey)
    {
        Replicas = replicas;
        AdminKey = adminKey;
    }

    public IReadOnlyList<ReplicaProcess> Replicas { get; }

    public string AdminKey { get; }

    public static TimeSpan ReadyWithin => ReadyTimeout;

    /// <param name="environment">The configuration every replica shares: database, Redis, sources, limits.</param>
    public static async Task<ReplicaCluster> StartAsync(int count, IReadOnlyDictionary<string, string> environment)
    {
        var replicas = new List<ReplicaProcess>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                replicas.Add(ReplicaProcess.Start(((char)('a' + i)).ToString(), environment));
            }

            await Task.WhenAll(replicas.Select(r => r.WaitUntilReadyAsync(ReadyTimeout)));
            var key = await CreateAdminKeyAsync(new Dictionary<string, string>(environment) { ["Blacklist__DataDirectory"] = replicas[0].DataDirectory });
            foreach (var replica in replicas)
            {
                replica.UseApiKey(key);
            }

            return new ReplicaCluster(replicas, key);
        }
        catch
        {
            replicas.ForEach(r => r.Dispose());
            throw;
        }
    }

    /// <summary>The end of every replica's output, for assertion messages.</summary>
    public string Logs(int lastChars = 6000)
        => string.Join("\n", Replicas.Select(r => $"--- replica {r.Name} (PID {r.ProcessId}):\n{r.Output[Math.Max(0, r.Output.Length - lastChars)..]}"));

    public void Dispose()
    {
        foreach (var replica in Replicas)
        {
            replica.Dispose();
        }
    }

    /// <summary>The operator's way to a key for the API: the verb on the same configuration, while the replicas run.</summary>
    private static async Task<string> CreateAdminKeyAsync(IReadOnlyDictionary<string, string> environment)
    {
        var created = await ChildProcess.RunAsync("dotnet", [ReplicaProcess.Executable, "keys", "create", "--name", "replica-test", "--role", "admin"], environment: environment);
        created.ExitCode.ShouldBe(0, created.Error);
        var key = KeyLine().Match(created.Output).Groups["key"].Value;
        key.ShouldNotBeNullOrEmpty(created.Output);
        return key;
    }

    [GeneratedRegex(@"API key \(shown once; store it now\): (?<key>\S+)")]
    private static partial Regex KeyLine();
}
