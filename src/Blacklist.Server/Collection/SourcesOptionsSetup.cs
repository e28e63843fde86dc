using Microsoft.Extensions.Options;

namespace Blacklist.Server.Collection;

/// <summary>Reads Blacklist:Sources into <see cref="SourcesOptions"/>, collecting problems instead of throwing.</summary>
internal sealed class SourcesOptionsSetup(
    IConfiguration configuration,
    IEnumerable<Collectors.Abstractions.ISourceCollector> collectors,
    IEnumerable<ISourceKindValidator> validators) : IConfigureOptions<SourcesOptions>
{
    public void Configure(SourcesOptions options)
    {
        var kinds = collectors.Select(c => c.Kind).Append(SourceDefinition.ManualKind).ToHashSet(StringComparer.Ordinal);
        var (sources, errors) = SourceDefinitionReader.Read(configuration.GetSection(SourcesOptions.Section), kinds, validators);
        options.Sources = sources;
        options.Errors = errors;
    }
}
