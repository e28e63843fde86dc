using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Blacklist.Server.Security;

/// <summary>Kestrel's body limit is the small default; upload paths get the larger one.</summary>
internal static class RequestBodyLimits
{
    public static IApplicationBuilder UseUploadBodyLimits(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<AccessOptions>>().Value;
        return app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && options.UploadPaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = options.MaxUploadBodyBytes;
            }

            return next(context);
        });
    }
}
