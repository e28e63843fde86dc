namespace Blacklist.Data.Contracts;

/// <summary>Told after every committed change, so the host can rebuild its snapshot (debounced).</summary>
public interface IDataChangeNotifier
{
    void NotifyChanged();
}
