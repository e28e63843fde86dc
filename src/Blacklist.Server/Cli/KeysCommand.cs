using System.CommandLine;
using System.Globalization;
using Blacklist.Data.Contracts;
using Blacklist.Data.Security;
using Blacklist.Server.Api.Keys;
using Blacklist.Server.Hosting;

namespace Blacklist.Server.Cli;

/// <summary>`blacklist keys create|list|revoke`: manage API keys offline, on the same database as the server.</summary>
internal static class KeysCommand
{
    private const string Actor = "cli";

    public static Command Create()
    {
        var command = new Command("keys", "Manage API keys (offline, on the configured database).");
        command.Subcommands.Add(CreateCommand());
        command.Subcommands.Add(ListCommand());
        command.Subcommands.Add(RevokeCommand());
        return command;
    }

    private static Command CreateCommand()
    {
        var name = new Option<string>("--name") { Description = "Who or what uses the key (e.g. fortigate-hq)", Required = true };
        var role = new Option<string>("--role") { Description = "reader (feeds, search), operator (collection, manual entries, allowlist) or admin", Required = true };
        var expires = new Option<string?>("--expires") { Description = "Lifetime, e.g. 90d, 12h (default: no expiry)" };
        var cidrs = new Option<string[]>("--cidr") { Description = "Only accept the key from this address or network (repeatable)", AllowMultipleArgumentsPerToken = true };
        var create = new Command("create", "Create a key and print it once (only its hash is stored).") { name, role, expires, cidrs };
        create.SetAction(async (result, cancellationToken) =>
        {
            TimeSpan? lifetime = null;
            if (result.GetValue(expires) is { } text)
            {
                if (!TryParseLifetime(text, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"blacklist keys create: --expires '{text}' is not a lifetime; use a number with d, h or m (e.g. 90d).");
                    return 1;
                }

                lifetime = parsed;
            }

            using var host = BuildHost();
            if (!await PrepareAsync(host, cancellationToken))
            {
                return VerbHost.SetupFailed;
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var request = KeyRequestReader.Read(result.GetValue(name), result.GetValue(role), null, lifetime, result.GetValue(cidrs) ?? [], now, errors);
            if (request is null)
            {
                foreach (var (field, messages) in errors)
                {
                    await Console.Error.WriteLineAsync($"blacklist keys create: --{field}: {string.Join(' ', messages)}");
                }

                return 1;
            }

            var created = await host.Services.GetRequiredService<IApiKeyStore>().CreateAsync(request, Actor, cancellationToken);
            Console.WriteLine($"Created key {created.Record.Id} '{created.Record.Name}' ({created.Record.Role.Name()}{Expiry(created.Record)}).");
            Console.WriteLine($"API key (shown once; store it now): {created.Key}");
            return 0;
        });
        return create;
    }

    private static Command ListCommand()
    {
        var list = new Command("list", "List keys: id, name, role, expiry, networks, last use (never the secret).");
        list.SetAction(async (_, cancellationToken) =>
        {
            using var host = BuildHost();
            if (!await PrepareAsync(host, cancellationToken))
            {
                return VerbHost.SetupFailed;
            }

            var keys = await host.Services.GetRequiredService<IApiKeyStore>().ListAsync(cancellationToken);
            Console.WriteLine("ID\tKEY ID\tNAME\tROLE\tSTATE\tEXPIRES\tLAST USED\tNETWORKS");
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            foreach (var key in keys)
            {
                var state = key.RevokedAt is not null ? "revoked" : key.IsUsableAt(now) ? "active" : "expired";
                Console.WriteLine(string.Join('\t', key.Id.ToString(CultureInfo.InvariantCulture), key.KeyId, key.Name, key.Role.Name(), state, Time(key.ExpiresAt), Time(key.LastUsedAt), key.AllowedCidrs.Count == 0 ? "any" : string.Join(',', key.AllowedCidrs)));
            }

            return 0;
        });
        return list;
    }

    private static Command RevokeCommand()
    {
        var id = new Argument<long>("id") { Description = "The key's id (from `blacklist keys list`)" };
        var revoke = new Command("revoke", "Revoke a key; it fails from the next request on.") { id };
        revoke.SetAction(async (result, cancellationToken) =>
        {
            using var host = BuildHost();
            if (!await PrepareAsync(host, cancellationToken))
            {
                return VerbHost.SetupFailed;
            }

            var keyId = result.GetValue(id);
            if (!await host.Services.GetRequiredService<IApiKeyStore>().RevokeAsync(keyId, Actor, cancellationToken))
            {
                await Console.Error.WriteLineAsync($"blacklist keys revoke: there is no unrevoked key {keyId}; `blacklist keys list` shows them.");
                return 1;
            }

            Console.WriteLine($"Revoked key {keyId}.");
            return 0;
        });
        return revoke;
    }

    private static IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContentRoot.Choose() });
        VerbHost.UseVerbLogging(builder.Logging);
        builder.AddBlacklistServices();
        builder.Services.AddBlacklistSecurityData();
        return builder.Build();
    }

    private static async Task<bool> PrepareAsync(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.Services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(cancellationToken);
            await host.Services.MigrateSecuritySchemaAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"blacklist keys: cannot open the database: {e.Message}");
            return false;
        }
    }

    internal static bool TryParseLifetime(string text, out TimeSpan lifetime)
    {
        lifetime = default;
        text = text.Trim();
        if (text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < 1)
        {
            return false;
        }

        lifetime = char.ToLowerInvariant(text[^1]) switch
        {
            'd' => TimeSpan.FromDays(amount),
            'h' => TimeSpan.FromHours(amount),
            'm' => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.Zero,
        };
        return lifetime > TimeSpan.Zero && lifetime <= TimeSpan.FromDays(3650);
    }

    private static string Expiry(ApiKeyRecord key) => key.ExpiresAt is { } at ? $", expires {Time(at)}" : ", no expiry";

    private static string Time(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "-";
}
