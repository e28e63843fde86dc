namespace Blacklist.Server.Dashboard;

/// <summary>
/// One dashboard file held in memory: its bytes, precompressed variants (so serving is a copy)
/// and a content hash that is both its strong validator and part of the asset version.
/// </summary>
internal sealed record DashboardAsset(string Path, string ContentType, byte[] Identity, byte[] Gzip, byte[] Brotli, string Hash);
