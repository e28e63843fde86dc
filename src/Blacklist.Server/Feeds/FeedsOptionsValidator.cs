using Microsoft.Extensions.Options;

namespace Blacklist.Server.Feeds;

/// <summary>Fails start-up with every wrong feed setting at once.</summary>
internal sealed class FeedsOptionsValidator : IValidateOptions<FeedsOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedsOptions options)
    {
        var (_, errors) = FeedProfileReader.Read(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
