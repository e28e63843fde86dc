using System.ComponentModel;
using System.Diagnostics;
using Npgsql;

namespace Blacklist.Data.Backup;

/// <summary>
/// Runs pg_dump / pg_restore against the database of an Npgsql connection string. The connection
/// goes to the tool as libpq environment variables, so the password never shows on a command line.
/// </summary>
internal sealed class PostgresTool(string connectionString)
{
    private readonly NpgsqlConnectionStringBuilder _connection = new(connectionString);

    public string Database => _connection.Database
        ?? throw new BackupRefusedException("ConnectionStrings:Blacklist names no Database; pg_dump needs one.");

    public string Describe() => $"PostgreSQL database '{_connection.Database}' on {_connection.Host}:{_connection.Port}";

    public sealed record Result(int ExitCode, string Output, string Error);

    public async Task<Result> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment())
        {
            info.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new BackupRefusedException($"{tool} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new BackupRefusedException($"{tool} is not installed or not on PATH ({e.Message}); install the PostgreSQL client tools (apt-get install postgresql-client; the container image has them).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return new Result(process.ExitCode, await output, (await error).Trim());
        }
    }

    private IEnumerable<(string Name, string Value)> Environment()
    {
        if (!string.IsNullOrEmpty(_connection.Host))
        {
            yield return ("PGHOST", _connection.Host);
        }

        yield return ("PGPORT", _connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("PGDATABASE", Database);
        if (!string.IsNullOrEmpty(_connection.Username))
        {
            yield return ("PGUSER", _connection.Username);
        }

        if (!string.IsNullOrEmpty(_connection.Password))
        {
            yield return ("PGPASSWORD", _connection.Password);
        }

        if (!string.IsNullOrEmpty(_connection.Passfile))
        {
            yield return ("PGPASSFILE", _connection.Passfile);
        }

        yield return ("PGCONNECT_TIMEOUT", Math.Max(_connection.Timeout, 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (SslMode(_connection.SslMode) is { } sslMode)
        {
            yield return ("PGSSLMODE", sslMode);
        }
    }

    private static string? SslMode(Npgsql.SslMode mode) => mode switch
    {
        Npgsql.SslMode.Disable => "disable",
        Npgsql.SslMode.Allow => "allow",
        Npgsql.SslMode.Prefer => "prefer",
        Npgsql.SslMode.Require => "require",
        Npgsql.SslMode.VerifyCA => "verify-ca",
        Npgsql.SslMode.VerifyFull => "verify-full",
        _ => null,
    };
}
