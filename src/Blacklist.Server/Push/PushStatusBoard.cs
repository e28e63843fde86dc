using System.Collections.Concurrent;

namespace Blacklist.Server.Push;

/// <summary>The latest <see cref="PushDeviceStatus"/> of every configured device; one writer per device.</summary>
internal sealed class PushStatusBoard
{
    private readonly ConcurrentDictionary<string, PushDeviceStatus> _devices = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every device, by name.</summary>
    public IReadOnlyList<PushDeviceStatus> List()
        => [.. _devices.Values.OrderBy(d => d.Device, StringComparer.OrdinalIgnoreCase)];

    public void Set(PushDeviceStatus status) => _devices[status.Device] = status;

    public PushDeviceStatus Update(string device, Func<PushDeviceStatus, PushDeviceStatus> change)
        => _devices.AddOrUpdate(device, _ => throw new InvalidOperationException($"Push device '{device}' was never registered."), (_, old) => change(old));
}
