using System.Buffers;

namespace Blacklist.Core.Rendering;

/// <summary>Writes a list in one format as UTF-8, streaming, with no per-line string allocation.</summary>
public interface IListRenderer
{
    ListFormat Format { get; }

    /// <summary>The HTTP Content-Type of the output, with charset where it applies.</summary>
    string ContentType { get; }

    void Render(RenderInput input, IBufferWriter<byte> output);
}
