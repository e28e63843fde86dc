using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Security;

/// <summary>Kestrel's body limit is the small default; upload paths get the larger one.</summary>
internal static class RequestBodyLimits
{
    public static IApplicationBuilder UseUploadBodyLimits(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var options = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value;
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false } && options.UploadPaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
        {
            feature.MaxRequestBodySize = options.MaxUploadBodyBytes;
        }

        return next(context);
    });
}
