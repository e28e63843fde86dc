using Blacklist.Data.Contracts;

namespace Blacklist.Data.Hosting;

/// <summary>The default when no host listens for changes (command-line verbs): nothing to tell.</summary>
internal sealed class NoChangeNotifier : IDataChangeNotifier
{
    public void NotifyChanged()
    {
    }
}
