using System.Buffers.Text;
using System.Text;
using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Core.Parsing.Text;

namespace Blacklist.Core.Parsing.Lists;

/// <summary>IPsum: "address&lt;TAB&gt;count", the count being how many blocklists name the address.</summary>
internal sealed class IpsumParser(Encoding encoding) : AddressListParser(encoding)
{
    protected override Observation Describe(IpRange range, int lineNumber, ReadOnlySpan<byte> rest, LineContext context, out string? problem)
    {
        problem = null;
        var observation = new Observation(range) { LineNumber = lineNumber };
        var word = FirstWord(rest);
        if (word.IsEmpty)
        {
            return observation;
        }

        if (!Utf8Parser.TryParse(word, out int count, out var consumed) || consumed != word.Length || count < 0)
        {
            problem = $"the blocklist count '{Utf8(word)}' is not a whole number; the address is kept without a score.";
            return observation;
        }

        return observation with
        {
            Score = count,
            Attributes = new Dictionary<string, string>(1, StringComparer.Ordinal) { ["lists"] = Utf8(word) },
        };
    }
}
