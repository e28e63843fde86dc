using System.Net;
using System.Text;

namespace Blacklist.Collectors.Polite;

/// <summary>A portal's answer, read whole (within the size limit) so it can be inspected more than once.</summary>
internal sealed class PortalResponse
{
    private string? _text;

    static PortalResponse()
    {
        // Korean portals may still answer in EUC-KR / CP949.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public PortalResponse(HttpStatusCode status, Uri requestUri, string? mediaType, string? charset, Uri? location, byte[] body)
    {
        Status = status;
        RequestUri = requestUri;
        MediaType = mediaType;
        Charset = charset;
        Location = location;
        Body = body;
    }

    public HttpStatusCode Status { get; }

    public Uri RequestUri { get; }

    public string? MediaType { get; }

    public string? Charset { get; }

    /// <summary>The redirect target, resolved against the request URI.</summary>
    public Uri? Location { get; }

    public byte[] Body { get; }

    public TimeSpan? RetryAfter { get; init; }

    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public bool IsRedirect => (int)Status is >= 300 and < 400;

    /// <summary>Worth another try: 408, 429 and 5xx.</summary>
    public bool IsTransientFailure => Status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)Status >= 500;

    /// <summary>An .xlsx (zip) body, whatever the content type says.</summary>
    public bool IsZip => Body.Length >= 4 && Body[0] == 'P' && Body[1] == 'K' && Body[2] == 3 && Body[3] == 4;

    public bool LooksLikeHtml
        => (MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) ?? false)
            || Text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<');

    public string Text => _text ??= Decode();

    private string Decode()
    {
        var encoding = Encoding.UTF8;
        if (!string.IsNullOrWhiteSpace(Charset))
        {
            try
            {
                encoding = Encoding.GetEncoding(Charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset label: UTF-8 is what these portals send in practice.
            }
        }

        return encoding.GetString(Body);
    }
}
