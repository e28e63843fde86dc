using Microsoft.Extensions.Options;

namespace Blacklist.Server.Collection;

/// <summary>Stops start-up with every bad source setting listed, each with its full configuration path.</summary>
internal sealed class SourcesOptionsValidator : IValidateOptions<SourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcesOptions options)
        => options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
}
