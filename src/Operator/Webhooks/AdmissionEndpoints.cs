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

    /// <param name="endpoints">The routes to add the webhook to.</param>
    /// <param name="approved">The installation's approved kinds.</param>
    /// <param name="refused">The installation's refused networks; null: the built-in list.</param>
    /// <param name="warning">Warns about a second default JenkinsEndpoint; null: no such warning.</param>
    public static IEndpointConventionBuilder MapAdmissionWebhook(this IEndpointRouteBuilder endpoints, ApprovedProviderList approved,
        Entities.Validation.RefusedNetworks? refused = null, DefaultEndpointWarning? warning = null)
    {
        var validator = new AdmissionValidator(approved, refused);
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
            var response = validator.Review(request);
            if (response.Allowed && warning is not null && Warn(warning, request) is { } text) response.Warnings = [text];
            var answer = new AdmissionReview { ApiVersion = review.ApiVersion, Response = response };
            return Results.Json(answer, WebhookJsonContext.Default.AdmissionReview);
        });
    }

    /// <summary>A warning is a courtesy: when it cannot be worked out, the request is answered without one.</summary>
    private static string? Warn(DefaultEndpointWarning warning, AdmissionRequest request)
    {
        try
        {
            return warning.Check(request);
        }
#pragma warning disable CA1031 // never turn a warning into a failed admission
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
