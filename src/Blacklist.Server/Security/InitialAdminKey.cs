using Blacklist.Data.Security;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Security;

/// <summary>
/// No default secret: on a start with neither a usable admin key nor an admin user, creates an admin
/// key at random, prints it once on standard output, and keeps only its hash.
/// </summary>
internal sealed partial class InitialAdminKey(
    IApiKeyStore keys,
    IOptions<AccessOptions> options,
    ILogger<InitialAdminKey> logger) : IHostedService
{
    public const string KeyName = "initial-admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.CreateInitialAdminKey
            || await keys.CreateFirstAdminAsync(new ApiKeyRequest(KeyName, SecurityRole.Admin, null, []), "system", cancellationToken) is not { } created)
        {
            return;
        }

        await Console.Out.WriteLineAsync(
            $"Initial admin API key (shown once): {created.Key}{Environment.NewLine}"
            + "Store it now: only its hash is kept. Create more with `blacklist keys create --name NAME --role reader|operator|admin`.");
        await Console.Out.FlushAsync(cancellationToken);
        LogCreated(logger, created.Record.Id, created.Record.KeyId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "No admin credential existed: created initial admin API key {Id} ({KeyId}) and printed it on standard output once")]
    private static partial void LogCreated(ILogger logger, long id, string keyId);
}
