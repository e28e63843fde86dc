namespace Blacklist.Data.Model;

/// <summary>
/// The observations of a refused run (gzip JSON lines), kept in the database so that any replica
/// can apply them when an operator accepts the run.
/// </summary>
internal sealed class RunPayloadRow
{
    public long RunId { get; set; }

    public string Source { get; set; } = "";

    public long Observations { get; set; }

    public byte[] Content { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
