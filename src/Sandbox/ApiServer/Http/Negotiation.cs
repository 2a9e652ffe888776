using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.ApiServer.Http;

/// <summary>Reads what the client asked for in Accept and the common query parameters.</summary>
internal static class Negotiation
{
    public static bool WantsTable(HttpContext context) =>
        context.Request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);

    public static bool WantsAggregatedDiscovery(HttpContext context) =>
        context.Request.Headers.Accept.ToString().Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal);

    public static string? Query(HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public static bool Flag(HttpContext context, string name) => Query(context, name) is "1" or "true" or "True";

    public static bool DryRun(HttpContext context) => Query(context, "dryRun") == "All";

    public static string IncludeObject(HttpContext context) => Query(context, "includeObject") ?? "Metadata";
}
