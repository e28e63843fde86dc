namespace Blacklist.Server.Hosting;

/// <summary>
/// Where appsettings.json is read from: the current directory when it has one (an operator's own
/// configuration, a container's working directory), else the directory of the executable, where
/// the build puts it — so `make run` (dotnet run from the repository root) finds it.
/// </summary>
public static class AppContentRoot
{
    public static string Choose()
    {
        var current = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(current, "appsettings.json")) || !File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            ? current
            : AppContext.BaseDirectory;
    }
}
