using CiBridge.Sandbox.ApiServer.Storage;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.ApiServer.Http;

/// <summary>
/// Keys a request body gives twice: like kube's strict decoding, a warning
/// (<c>duplicate field "spec.job"</c>), a 400 with <c>fieldValidation=Strict</c>, nothing with Ignore.
/// </summary>
internal static class DuplicateFields
{
    private const string Key = "sandbox.duplicate-fields";

    /// <summary>The list the body decoder fills for this request.</summary>
    public static List<string> For(HttpContext context)
    {
        var found = new List<string>();
        context.Items[Key] = found;
        return found;
    }

    public static void Report(HttpContext context, RequestScope scope)
    {
        if (context.Items[Key] is not List<string> { Count: > 0 } found || scope.FieldValidation == "Ignore") return;
        var messages = found.Select(path => $"duplicate field \"{path}\"").ToList();
        if (scope.FieldValidation == "Strict") throw StatusObjects.BadRequest("strict decoding error: " + string.Join(", ", messages));
        scope.Warnings.AddRange(messages);
    }
}
