using System.Text;
using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Core.Parsing.Text;

namespace Blacklist.Core.Parsing.Lists;

/// <summary>Spamhaus DROP/EDROP text: "prefix ; SBLnnnn", with ';' comment lines.</summary>
internal sealed class SpamhausDropParser(Encoding encoding) : AddressListParser(encoding)
{
    protected override Observation Describe(IpRange range, int lineNumber, ReadOnlySpan<byte> rest, LineContext context, out string? problem)
    {
        problem = null;
        var observation = new Observation(range) { LineNumber = lineNumber };
        if (rest.IsEmpty || rest[0] != ';')
        {
            return observation;
        }

        var sblId = FirstWord(AddressLine.Trim(rest[1..]));
        if (sblId.IsEmpty)
        {
            return observation;
        }

        var id = Utf8(sblId);
        return observation with
        {
            Reason = id,
            Attributes = new Dictionary<string, string>(1, StringComparer.Ordinal) { ["sblid"] = id },
        };
    }
}
