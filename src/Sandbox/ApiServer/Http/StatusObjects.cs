using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.Http;

/// <summary>Builds <c>Status</c> objects and the errors kube-apiserver returns, with its exact wording.</summary>
internal static class StatusObjects
{
    /// <summary>A failure Status; like kube, <c>details</c> is left out when there are none (never <c>null</c>).</summary>
    public static JsonObject Failure(int code, string reason, string message, JsonObject? details)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null) status["details"] = details;
        status["code"] = code;
        return status;
    }

    public static JsonObject Success(ResourceType type, string name, string? uid) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = Details(type, name, uid),
    };

    public static ApiException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.QualifiedResource} \"{name}\" not found", Details(type, name));

    public static ApiException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.QualifiedResource} \"{name}\" already exists", Details(type, name));

    public static ApiException Conflict(ResourceType type, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.QualifiedResource} \"{name}\": {why}", Details(type, name));

    public static ApiException StaleResourceVersion(ResourceType type, string name) =>
        Conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException Expired(string message) => new(410, "Expired", message);

    public static ApiException MethodNotAllowed() => new(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");

    public static ApiException PageNotFound() =>
        new(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    public static ApiException Invalid(ResourceType type, string name, IReadOnlyList<(string Field, string Reason, string Message)> causes)
    {
        var details = new JsonObject { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Kind };
        var array = new JsonArray();
        foreach (var (field, reason, message) in causes) array.Add(Cause(reason, message, field));
        details["causes"] = array;
        var summary = string.Join(", ", causes.Select(c => c.Field.Length == 0 ? c.Message : $"{c.Field}: {c.Message}"));
        var text = causes.Count == 1 ? summary : $"[{summary}]";
        var kind = type.Group.Length == 0 ? type.Kind : $"{type.Kind}.{type.Group}";
        return new ApiException(422, "Invalid", $"{kind} \"{name}\" is invalid: {text}", details);
    }

    public static JsonObject Details(ResourceType type, string name, string? uid = null)
    {
        var details = new JsonObject { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Plural };
        if (uid is not null) details["uid"] = uid;
        return details;
    }

    private static JsonObject Cause(string reason, string message, string? field)
    {
        var cause = new JsonObject { ["reason"] = reason, ["message"] = message };
        if (field is not null) cause["field"] = field;
        return cause;
    }
}
