using Blacklist.Data.Backup;

namespace Blacklist.Server.Cli;

/// <summary>What `backup` and `restore` share: the verb host, and their exit codes and messages when they cannot go on.</summary>
internal static class BackupVerbHost
{
    /// <summary>Runs <paramref name="action"/> on a <see cref="VerbHost"/>; 1 when the backup or restore was refused, 2 for configuration problems.</summary>
    public static async Task<int> RunAsync(string verb, Func<IHost, Task> action)
    {
        try
        {
            using var host = VerbHost.Build();
            await action(host);
            return 0;
        }
        catch (BackupRefusedException e)
        {
            await Console.Error.WriteLineAsync($"blacklist {verb}: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"blacklist {verb}: {e.Message}");
            return VerbHost.SetupFailed;
        }
    }
}
