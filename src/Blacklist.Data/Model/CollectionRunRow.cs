namespace Blacklist.Data.Model;

internal sealed class CollectionRunRow
{
    public long Id { get; set; }

    public string Source { get; set; } = "";

    public string Trigger { get; set; } = "";

    public string Status { get; set; } = "";

    public string? Actor { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public bool NotModified { get; set; }

    public long Fetched { get; set; }

    public long Bytes { get; set; }

    public long Parsed { get; set; }

    public long Rejected { get; set; }

    public long Added { get; set; }

    public long Updated { get; set; }

    public long Withdrawn { get; set; }

    public long Unchanged { get; set; }

    public string? Error { get; set; }

    public string? FailureKind { get; set; }

    public string? Note { get; set; }

    /// <summary>Manual-trigger parameters as a JSON object (secrets such as OTPs are never stored).</summary>
    public string? Parameters { get; set; }

    /// <summary>The first rejected lines as a JSON array of {line, message, text}.</summary>
    public string? IssuesSample { get; set; }
}
