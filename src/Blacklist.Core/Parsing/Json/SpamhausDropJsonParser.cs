using System.Text;
using System.Text.Json;
using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Core.Parsing.Lists;
using Blacklist.Core.Parsing.Text;

namespace Blacklist.Core.Parsing.Json;

/// <summary>
/// Spamhaus DROP as JSON lines: {"cidr":"1.2.3.0/24","sblid":"SBL1","rir":"ripencc"} per line,
/// closed by a {"type":"metadata",…} line that describes the file and holds no entry.
/// </summary>
internal sealed class SpamhausDropJsonParser(Encoding encoding) : LineFeedParser(encoding)
{
    private const string Example = "{\"cidr\":\"1.2.3.0/24\",\"sblid\":\"SBL1\",\"rir\":\"ripencc\"}";

    protected override bool TryRead(ReadOnlySpan<byte> line, int lineNumber, LineContext context, out ParsedRecord record)
    {
        record = default;
        if (AddressLine.Trim(line).IsEmpty)
        {
            return false;
        }

        Entry entry;
        try
        {
            entry = ReadEntry(line);
        }
        catch (JsonException e)
        {
            record = ParsedRecord.Rejected(lineNumber, $"line is not valid JSON ({FirstSentence(e.Message)}); each line must be one object such as {Example}.", IssueText.Of(line));
            return true;
        }

        if (entry.IsMetadata)
        {
            return false;
        }

        if (entry.Cidr is null)
        {
            record = ParsedRecord.Rejected(lineNumber, $"the JSON object has no \"cidr\" text field; each entry looks like {Example}.", IssueText.Of(line));
            return true;
        }

        var parsed = IpRangeParser.Parse(entry.Cidr);
        if (!parsed.Success)
        {
            record = ParsedRecord.Rejected(lineNumber, parsed.Error!, IssueText.Of(line));
            return true;
        }

        var attributes = new Dictionary<string, string>(2, StringComparer.Ordinal);
        if (entry.SblId is not null)
        {
            attributes["sblid"] = entry.SblId;
        }

        if (entry.Rir is not null)
        {
            attributes["rir"] = entry.Rir;
        }

        var observation = new Observation(parsed.Range)
        {
            LineNumber = lineNumber,
            Reason = entry.SblId,
            Attributes = attributes.Count == 0 ? null : attributes,
        };
        record = parsed.Warning is null ? ParsedRecord.Of(observation) : ParsedRecord.Warned(observation, parsed.Warning, IssueText.Of(line));
        return true;
    }

    private static Entry ReadEntry(ReadOnlySpan<byte> line)
    {
        var json = new Utf8JsonReader(line);
        if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the line does not start with '{'");
        }

        var entry = default(Entry);
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            if (json.ValueTextEquals("cidr"u8))
            {
                entry.Cidr = ReadText(ref json);
            }
            else if (json.ValueTextEquals("sblid"u8))
            {
                entry.SblId = ReadText(ref json);
            }
            else if (json.ValueTextEquals("rir"u8))
            {
                entry.Rir = ReadText(ref json);
            }
            else if (json.ValueTextEquals("type"u8))
            {
                entry.IsMetadata = ReadText(ref json) == "metadata";
            }
            else
            {
                json.Read();
                json.Skip();
            }
        }

        if (json.TokenType != JsonTokenType.EndObject || json.Read())
        {
            throw new JsonException("there is more after the object");
        }

        return entry;
    }

    private static string? ReadText(ref Utf8JsonReader json)
    {
        json.Read();
        if (json.TokenType == JsonTokenType.String)
        {
            return json.GetString();
        }

        json.Skip();
        return null;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    private record struct Entry(string? Cidr, string? SblId, string? Rir, bool IsMetadata);
}
