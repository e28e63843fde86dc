namespace Blacklist.Deploy.Tests.Support;

/// <summary>The repository these tests check: the folder holding Blacklist.slnx above the test binaries.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Blacklist.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Blacklist.slnx above {AppContext.BaseDirectory}");
    }
}
