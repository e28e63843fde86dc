using Blacklist.Server.Caching;

namespace Blacklist.Server.Tests.Caching;

public sealed class RedisOptionsValidatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("redis:6379,abortConnect=false,connectTimeout=2000")]
    [InlineData("127.0.0.1:6380,password=secret,ssl=true")]
    public void Empty_or_parseable_configurations_pass(string? configuration)
        => new RedisOptionsValidator().Validate(null, new RedisOptions { Configuration = configuration }).Succeeded.ShouldBeTrue();

    [Theory]
    [InlineData("redis:6379,colour=blue", "colour")]
    [InlineData("abortConnect=false", "names no server")]
    public void A_configuration_redis_cannot_use_fails_start_up_with_the_reason(string configuration, string reason)
    {
        var result = new RedisOptionsValidator().Validate(null, new RedisOptions { Configuration = configuration });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Redis:Configuration");
        result.FailureMessage.ShouldContain(reason);
    }
}
