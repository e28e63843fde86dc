using System.Text;
using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;
using Blacklist.Core.Parsing.Text;

namespace Blacklist.Core.Parsing.Lists;

/// <summary>
/// FireHOL .netset/.ipset: a '#' header then one address or CIDR per line. Of the header only the
/// "Category : attacks" line is kept, as the category of every entry.
/// </summary>
internal sealed class FireHolParser(Encoding encoding) : AddressListParser(encoding)
{
    protected override void OnComment(ReadOnlySpan<byte> comment, LineContext context)
    {
        if (!comment.StartsWith("Category"u8))
        {
            return;
        }

        var colon = comment.IndexOf((byte)':');
        if (colon < 0 || !AddressLine.Trim(comment["Category".Length..colon]).IsEmpty)
        {
            return;
        }

        var value = AddressLine.Trim(comment[(colon + 1)..]);
        context.Category = value.IsEmpty ? null : Utf8(value);
    }

    protected override Observation Describe(IpRange range, int lineNumber, ReadOnlySpan<byte> rest, LineContext context, out string? problem)
    {
        problem = null;
        return new Observation(range) { LineNumber = lineNumber, Category = context.Category };
    }
}
