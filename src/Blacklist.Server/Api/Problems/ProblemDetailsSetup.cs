using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Blacklist.Server.Api.Problems;

/// <summary>
/// Every error leaves as problem+json with an actionable detail and never exception text:
/// unreadable requests are 400, a database outage on a write is 503, anything else a bare 500.
/// </summary>
internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var exception = context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
            switch (exception)
            {
                case BadHttpRequestException:
                    context.ProblemDetails.Title = "The request could not be read";
                    context.ProblemDetails.Detail = "Check that the body is valid JSON of the documented shape (see /openapi/v1.json), sent with Content-Type: application/json, and that route and query values have the right type.";
                    break;
                case DbException or TimeoutException:
                    context.ProblemDetails.Title = "The database is unavailable";
                    context.ProblemDetails.Detail = "Nothing was changed. Reads still answer from the last snapshot; retry the change when /health shows the database up.";
                    break;
                case not null:
                    context.ProblemDetails.Detail = "An unexpected error occurred and was logged; nothing in this request's data was changed unless the operation completed. Quote the traceId when reporting it.";
                    break;
            }

            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.Configure<ExceptionHandlerOptions>(options => options.StatusCodeSelector = exception => exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            DbException or TimeoutException => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        });
        return services;
    }
}
