using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.StaticFiles;

namespace Blacklist.Server.Dashboard;

/// <summary>
/// The dashboard's static files, embedded in the assembly (so the build output, a published
/// folder and a container all serve the same bytes whatever the content root), compressed once
/// at start-up. Assets live under <c>/assets/{Version}/…</c>: the version is a hash of every
/// asset, so they can be cached forever, and relative ES-module imports stay inside one version.
/// </summary>
internal sealed class DashboardAssets
{
    /// <summary>Embedded resource names start with this; what follows is the path under wwwroot.</summary>
    public const string ResourcePrefix = "wwwroot/";

    private const string IndexPath = "index.html";
    private const string AssetsFolder = "assets/";

    /// <summary>index.html refers to assets as <c>/assets/…</c>; serving rewrites that to the versioned prefix.</summary>
    private const string UnversionedReference = "\"/assets/";

    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    private readonly FrozenDictionary<string, DashboardAsset> assets;

    private DashboardAssets(FrozenDictionary<string, DashboardAsset> assets, DashboardAsset index, string version)
    {
        this.assets = assets;
        Index = index;
        Version = version;
    }

    /// <summary>A short hash of every asset: changes whenever any file changes.</summary>
    public string Version { get; }

    /// <summary>The single page every dashboard route answers with, asset references versioned.</summary>
    public DashboardAsset Index { get; }

    public int Count => assets.Count;

    /// <summary>Finds an asset by its path below <c>/assets/{version}/</c>, e.g. <c>js/app.js</c>.</summary>
    public bool TryGet(string path, out DashboardAsset asset) => assets.TryGetValue(path, out asset!);

    public static DashboardAssets LoadEmbedded(Assembly assembly)
    {
        var files = new List<KeyValuePair<string, byte[]>>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded dashboard resource '{name}' could not be opened.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files.Add(new(name[ResourcePrefix.Length..].Replace('\\', '/'), buffer.ToArray()));
        }

        return FromFiles(files);
    }

    /// <summary>Builds the asset table from files named by their path under wwwroot.</summary>
    public static DashboardAssets FromFiles(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        byte[]? indexContent = null;
        var built = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var (path, content) in files)
        {
            if (path == IndexPath)
            {
                indexContent = content;
            }
            else if (path.StartsWith(AssetsFolder, StringComparison.Ordinal))
            {
                var relative = path[AssetsFolder.Length..];
                built[relative] = Create(relative, content);
            }
        }

        if (indexContent is null)
        {
            throw new InvalidOperationException(
                $"The dashboard has no {IndexPath}: the build must embed src/Blacklist.Server/wwwroot/** as resources named '{ResourcePrefix}…'.");
        }

        var version = ComputeVersion(built.Values);
        var index = Create(IndexPath, VersionReferences(indexContent, version));
        return new DashboardAssets(built.ToFrozenDictionary(StringComparer.Ordinal), index, version);
    }

    private static DashboardAsset Create(string path, byte[] content)
    {
        if (!ContentTypes.TryGetContentType(path, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16));
        return new DashboardAsset(path, contentType, content, Compress(content, brotli: false), Compress(content, brotli: true), hash);
    }

    private static string ComputeVersion(IEnumerable<DashboardAsset> assets)
    {
        var manifest = new StringBuilder();
        foreach (var asset in assets.OrderBy(a => a.Path, StringComparer.Ordinal))
        {
            manifest.Append(asset.Path).Append(' ').Append(asset.Hash).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest.ToString())).AsSpan(0, 6));
    }

    private static byte[] VersionReferences(byte[] indexContent, string version)
    {
        var html = Encoding.UTF8.GetString(indexContent);
        return Encoding.UTF8.GetBytes(html.Replace(UnversionedReference, $"\"/assets/{version}/", StringComparison.Ordinal));
    }

    private static byte[] Compress(byte[] content, bool brotli)
    {
        using var output = new MemoryStream();
        using (Stream compressor = brotli
            ? new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true)
            : new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            compressor.Write(content);
        }

        return output.ToArray();
    }

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();

        // Text types carry their charset so Korean text never depends on the browser's guess.
        provider.Mappings[".js"] = "text/javascript; charset=utf-8";
        provider.Mappings[".mjs"] = "text/javascript; charset=utf-8";
        provider.Mappings[".css"] = "text/css; charset=utf-8";
        provider.Mappings[".html"] = "text/html; charset=utf-8";
        provider.Mappings[".json"] = "application/json; charset=utf-8";
        provider.Mappings[".svg"] = "image/svg+xml";
        return provider;
    }
}
