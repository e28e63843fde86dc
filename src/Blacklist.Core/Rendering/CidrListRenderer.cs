using System.Buffers;
using Blacklist.Core.Addresses;

namespace Blacklist.Core.Rendering;

/// <summary>
/// Plain and CIDR lists: the minimal CIDR cover, one block per line, IPv4 first. Plain writes a
/// single address alone, CIDR always adds the prefix length. No comments, except a `#` header when
/// a cap dropped entries, so that whoever reads the list can see it is incomplete.
/// </summary>
internal sealed class CidrListRenderer(ListFormat format, CidrLineStyle style) : IListRenderer
{
    public ListFormat Format => format;

    public string ContentType => ListContentTypes.Text;

    public void Render(RenderInput input, IBufferWriter<byte> output)
    {
        var text = new Utf8Output(output);
        if (input.TotalBeforeCap is not null)
        {
            ListHeader.Write(ref text, input, CidrLines.Count(input.Set.V4, style) + CidrLines.Count(input.Set.V6, style));
        }

        CidrLines.Write(ref text, input.Set.V4, IpFamily.V4, default, style);
        CidrLines.Write(ref text, input.Set.V6, IpFamily.V6, default, style);
        text.Flush();
    }
}
