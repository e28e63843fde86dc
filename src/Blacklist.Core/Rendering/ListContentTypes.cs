namespace Blacklist.Core.Rendering;

/// <summary>The HTTP Content-Type values the renderers answer with.</summary>
public static class ListContentTypes
{
    public const string Text = "text/plain; charset=utf-8";

    public const string Json = "application/json";

    public const string Csv = "text/csv; charset=utf-8";
}
