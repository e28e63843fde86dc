using Blacklist.Server.Tests.Cli.Backup;
using Blacklist.Testing;

namespace Blacklist.Server.Tests.Cli;

/// <summary>Verbs whose database cannot be reached or used (a stopped PostgreSQL, a damaged SQLite file): one clear line, no stack trace.</summary>
public sealed class DatabaseOutageGuardTests
{
    [Fact]
    public async Task With_postgres_stopped_each_verb_exits_2_with_one_line_naming_the_server_and_what_to_check()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var instance = await BlacklistInstance.OnPostgresAsync(postgres);
        var migrated = await instance.RunAsync("migrate");
        migrated.ExitCode.ShouldBe(0, migrated.Error);
        migrated.Output.ShouldContain($"PostgreSQL database 'blacklist' on 127.0.0.1:{postgres.Port}");
        var feed = Path.Combine(instance.DataDirectory, "feed.txt");
        await File.WriteAllTextAsync(feed, "45.1.2.3\n");

        await postgres.StopAsync();

        string[][] verbs = [["migrate"], ["keys", "list"], ["import", feed, "--source", "outage"], ["export"], ["check", "45.1.2.3"]];
        foreach (var verb in verbs)
        {
            var run = await instance.RunAsync(verb);
            var shown = $"blacklist {string.Join(' ', verb)}: exit {run.ExitCode}\n{run.Error}";
            run.ExitCode.ShouldBe(2, shown);
            var line = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem(shown).TrimEnd('\r');
            line.ShouldStartWith($"blacklist {(verb[0] == "keys" ? "keys list" : verb[0])}: cannot reach PostgreSQL database 'blacklist' on 127.0.0.1:{postgres.Port} as 'postgres': ", Case.Sensitive, shown);
            line.ShouldContain("Check that the PostgreSQL server is running", Case.Sensitive, shown);
            line.ShouldContain("ConnectionStrings__Blacklist", Case.Sensitive, shown);
        }

        // backup hands the connection to pg_dump, whose own message already names the server and what to check.
        var backup = await instance.RunAsync("backup");
        backup.ExitCode.ShouldBe(1, backup.Error);
        backup.Error.ShouldStartWith($"blacklist backup: pg_dump of PostgreSQL database 'blacklist' on 127.0.0.1:{postgres.Port} failed");
        backup.Error.ShouldContain("Connection refused");
        backup.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_sqlite_file_that_is_not_a_database_is_one_line_naming_the_file_too()
    {
        await using var instance = new BlacklistInstance();
        await File.WriteAllTextAsync(instance.Database, "these are not the tables you are looking for\n");

        var run = await instance.RunAsync("export");

        run.ExitCode.ShouldBe(2, run.Error);
        var line = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem(run.Error);
        line.ShouldStartWith($"blacklist export: the SQLite database {instance.Database} refused the operation: ", Case.Sensitive, run.Error);
        line.ShouldContain("blacklist migrate", Case.Sensitive, run.Error);
    }
}
