using System.CommandLine;
using System.CommandLine.Invocation;
using Blacklist.Data.Hosting;
using Npgsql;

namespace Blacklist.Server.Cli;

/// <summary>
/// Wraps every verb's action: a database that cannot be reached (or that refuses the verb's work)
/// ends the verb with one line on standard error that names the database and what to check, and
/// exit code <see cref="VerbHost.SetupFailed"/>, instead of a stack trace. One place for all verbs
/// and both providers.
/// </summary>
internal sealed class DatabaseOutageGuard(AsynchronousCommandLineAction inner, string verb) : AsynchronousCommandLineAction
{
    /// <summary>Guards the actions of <paramref name="command"/> and of its subcommands (`keys list`, …).</summary>
    public static void Protect(Command command, string? parent = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = parent is null ? command.Name : $"{parent} {command.Name}";
        if (command.Action is AsynchronousCommandLineAction action)
        {
            command.Action = new DatabaseOutageGuard(action, name);
        }

        foreach (var subcommand in command.Subcommands)
        {
            Protect(subcommand, name);
        }
    }

    public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.InvokeAsync(parseResult, cancellationToken);
        }
        catch (Exception e) when (DatabaseFailures.IsDatabaseFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync(Explain(verb, e, DescribeConfiguredDatabase()));
            return VerbHost.SetupFailed;
        }
    }

    /// <summary>The one line an operator reads: which database, what went wrong, what to check.</summary>
    internal static string Explain(string verb, Exception failure, DataOptions? database)
    {
        var target = database is null ? "the database" : Describe(database);
        var check = database?.Provider == DatabaseProviders.Postgres
            ? "Check that the PostgreSQL server is running and reachable from this machine, and ConnectionStrings:Blacklist (environment ConnectionStrings__Blacklist)."
            : "Check that Blacklist:DataDirectory exists, is writable by this user, and that no other program holds the file locked.";
        return DatabaseFailures.IsUnreachable(failure)
            ? $"blacklist {verb}: cannot reach {target}: {DatabaseFailures.Reason(failure)}. {check}"
            : $"blacklist {verb}: {target} refused the operation: {DatabaseFailures.Reason(failure)}. Check that it is this service's database and that its schema is current (`blacklist migrate`).";
    }

    /// <summary>Where the data lives, without any password a connection string may hold.</summary>
    internal static string Describe(DataOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider != DatabaseProviders.Postgres)
        {
            return $"the SQLite database {new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource}";
        }

        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"PostgreSQL database '{connection.Database}' on {connection.Host}:{connection.Port} as '{connection.Username}'";
    }

    /// <summary>The database the verb was configured for, read again the way the verb host reads it (no connection is made).</summary>
    private static DataOptions? DescribeConfiguredDatabase()
    {
        try
        {
            using var host = VerbHost.Build();
            return host.Services.GetRequiredService<DataOptions>();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
        {
            return null;
        }
    }
}
