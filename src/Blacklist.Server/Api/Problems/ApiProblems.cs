using Microsoft.AspNetCore.Http.HttpResults;

namespace Blacklist.Server.Api.Problems;

/// <summary>The problem+json answers the API gives, each with a detail that says what to do.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string title, string detail, IDictionary<string, object?>? extensions = null)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title, extensions: extensions);

    public static ProblemHttpResult NotFound(string title, string detail)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);

    /// <summary>Before the first snapshot is loaded nothing can be answered from memory.</summary>
    public static ProblemHttpResult NotReady()
        => TypedResults.Problem(
            "The service has not loaded its first snapshot from the database yet. Retry in a few seconds; /health shows the database state.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "No snapshot loaded yet");
}
