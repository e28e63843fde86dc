namespace Blacklist.Collectors.Http;

/// <summary>Source-state keys under which an HTTP source keeps its conditional-GET validators.</summary>
internal static class HttpValidatorKeys
{
    public const string ETag = "http.etag";
    public const string LastModified = "http.last-modified";

    /// <summary>The URL the validators belong to: a changed URL must not send the old ones.</summary>
    public const string Url = "http.url";
}
