using System.CommandLine;

namespace Blacklist.Server.Cli;

/// <summary>
/// The `blacklist` executable: with no verb it serves; each verb is one file in this folder that
/// exposes a `Create()` returning its <see cref="Command"/>.
/// </summary>
internal static class BlacklistCommandLine
{
    public static Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("blacklist: a threat-intelligence IP blocklist service. With no verb it serves HTTP.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };

        // Verbs, in the order `--help` lists them.
        Command[] verbs = [ImportCommand.Create(), ExportCommand.Create(), CheckCommand.Create(), CollectCommand.Create(), MigrateCommand.Create(), BackupCommand.Create(), RestoreCommand.Create(), KeysCommand.Create(), NetCommand.Create()];
        foreach (var verb in verbs)
        {
            DatabaseOutageGuard.Protect(verb);
            root.Subcommands.Add(verb);
        }

        root.SetAction((parseResult, cancellationToken) => ServeCommand.RunAsync(args, cancellationToken));
        // The web host handles SIGTERM/SIGINT itself (graceful shutdown); a second handler in
        // System.CommandLine races it and crashes the process on `docker stop` or Ctrl+C.
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
