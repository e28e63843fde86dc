namespace Blacklist.Server.Tests.Cli.Net;

/// <summary>A private temporary folder of small feed files, deleted with the test.</summary>
internal sealed class TempFeedFiles : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("blacklist-net-").FullName;

    public string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    public string PathOf(string name) => Path.Combine(_directory, name);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
