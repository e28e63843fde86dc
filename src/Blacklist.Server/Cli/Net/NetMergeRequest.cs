using Blacklist.Core.Parsing;

namespace Blacklist.Server.Cli.Net;

/// <summary>
/// One `blacklist net merge` run: the union (or with <see cref="Common"/> the intersection) of
/// <see cref="Inputs"/>, minus the union of <see cref="Excluded"/>. "-" names standard input.
/// </summary>
internal sealed record NetMergeRequest(IReadOnlyList<string> Inputs, IReadOnlyList<string> Excluded, bool Common, NetOutputMode Output, FeedParserSettings Parser);
