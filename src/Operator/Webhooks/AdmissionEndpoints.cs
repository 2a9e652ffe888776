using System.Text.Json;
using CiBridge.Operator.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CiBridge.Operator.Webhooks;

/// <summary>Serves the validating admission webhook at <see cref="Path"/>.</summary>
internal static class AdmissionEndpoints
{
    public const string Path = "/validate";

    /// <summary>
    /// Answers 404 to a request that did not come over TLS: the operator's only TLS listener is
    /// the webhook port, so the plain-HTTP health and metrics port does not serve admission.
    /// </summary>
    public static TBuilder OnlyOverTls<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) => context.HttpContext.Request.IsHttps ? await next(context) : Results.NotFound());

    public static IEndpointConventionBuilder MapAdmissionWebhook(this IEndpointRouteBuilder endpoints, ApprovedProviderList approved)
    {
        var validator = new AdmissionValidator(approved);
        return endpoints.MapPost(Path, async (HttpContext context) =>
        {
            AdmissionReview? review;
            try
            {
                review = await JsonSerializer.DeserializeAsync(context.Request.Body, WebhookJsonContext.Default.AdmissionReview, context.RequestAborted);
            }
            catch (JsonException e)
            {
                return Results.BadRequest($"not an AdmissionReview: {e.Message}");
            }
            if (review?.Request is not { } request) return Results.BadRequest("AdmissionReview without a request");
            var answer = new AdmissionReview { ApiVersion = review.ApiVersion, Response = validator.Review(request) };
            return Results.Json(answer, WebhookJsonContext.Default.AdmissionReview);
        });
    }
}
