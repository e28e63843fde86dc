using Blacklist.Server.Feeds;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Push;

/// <summary>Fails start-up with every wrong push setting at once.</summary>
internal sealed class PushOptionsValidator(IOptions<FeedsOptions> feeds) : IValidateOptions<PushOptions>
{
    public ValidateOptionsResult Validate(string? name, PushOptions options)
    {
        var (_, errors) = PushDeviceReader.Read(options, ProfileNames(feeds.Value));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The names of the feed profiles that can be pushed (the valid ones).</summary>
    public static IReadOnlyCollection<string> ProfileNames(FeedsOptions feeds)
        => [.. FeedProfileReader.Read(feeds).Profiles.Select(p => p.Name)];
}
