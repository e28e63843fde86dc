namespace Blacklist.Core.Parsing;

/// <summary>
/// Reads one feed format from a stream, line by line, without loading it whole. Each record is
/// either an observation or an issue (a rejected line, or a warning such as masked host bits).
/// A bad line never stops the parse: good lines around it still count.
/// </summary>
public interface IFeedParser
{
    IEnumerable<ParsedRecord> Parse(Stream input, CancellationToken cancellationToken = default);
}
