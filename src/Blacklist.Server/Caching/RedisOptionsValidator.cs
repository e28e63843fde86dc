using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Blacklist.Server.Caching;

/// <summary>Refuses a Redis configuration string that StackExchange.Redis cannot parse, at start-up and with the reason.</summary>
internal sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            var parsed = ConfigurationOptions.Parse(options.Configuration!);
            return parsed.EndPoints.Count == 0
                ? ValidateOptionsResult.Fail("Redis:Configuration names no server: give host:port (for example \"redis:6379,abortConnect=false\"), or leave it empty to run without Redis.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            // The parser's message names the bad option, never a password's value.
            return ValidateOptionsResult.Fail($"Redis:Configuration is not a StackExchange.Redis configuration string: {ex.Message} (for example \"redis:6379,abortConnect=false\").");
        }
    }
}
