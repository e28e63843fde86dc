namespace Blacklist.Server.Collection;

/// <summary>
/// Adds kind-specific facts to a source's entry in GET /api/collection/status (register one per
/// kind, e.g. "regtech" reporting whether credentials are stored). Never return secrets.
/// </summary>
public interface ISourceStatusContributor
{
    string Kind { get; }

    Task<SourceStatusExtras> GetAsync(SourceDefinition source, CancellationToken cancellationToken);
}

/// <param name="CredentialsSet">Whether the credentials the source needs are stored; null when it needs none.</param>
/// <param name="Details">Further facts to show as they are.</param>
public sealed record SourceStatusExtras(bool? CredentialsSet, IReadOnlyDictionary<string, string>? Details = null);
