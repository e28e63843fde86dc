using System.ComponentModel.DataAnnotations;

namespace Blacklist.Server.Api.Search;

/// <summary>Limits of the search API (section <c>Blacklist:Search</c>).</summary>
internal sealed class SearchOptions
{
    public const string Section = "Blacklist:Search";

    /// <summary>Most addresses one POST /api/search may ask about.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Blacklist:Search:MaxBatch must be between 1 and 1000000.")]
    public int MaxBatch { get; set; } = 10_000;
}
