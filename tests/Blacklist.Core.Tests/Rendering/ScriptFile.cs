using Blacklist.Core.Rendering;

namespace Blacklist.Core.Tests.Rendering;

/// <summary>A rendered script in a temporary file, deleted on Dispose.</summary>
internal sealed class ScriptFile : IDisposable
{
    private ScriptFile(string path) => Path = path;

    public string Path { get; }

    public static ScriptFile Write(ListFormat format, RenderInput input) => Write(Rendered.Bytes(format, input));

    public static ScriptFile Write(byte[] content)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bl-render-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, content);
        return new ScriptFile(path);
    }

    public void Dispose() => File.Delete(Path);
}
