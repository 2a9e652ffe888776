using System.Globalization;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.Jenkins.Json;
using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.Sandbox.Jenkins.Http;

/// <summary>Top-level routes: root JSON, whoAmI, me, crumb issuer, queue; jobs are delegated.</summary>
internal sealed class RootRoutes(SecurityGate security)
{
    public const string ReadPermission = "hudson.model.Hudson.Read";

    public Reply Handle(StandInRequest request)
    {
        switch (request.Segments)
        {
            case ["login"]:
                return Reply.Login();
            case ["whoAmI", "api", "json"]:
                return request.Json(RootJson.WhoAmI(request.Caller.User));
        }
        if (!request.CanRead) return Reply.Forbidden(request.Caller, ReadPermission);
        return request.Segments switch
        {
            [] => Reply.Page("Dashboard"),
            ["api", "json"] => request.Json(RootJson.Root(request.JsonContext, request.World.Options)),
            ["me", "api", "json"] => request.Caller.User is { } user
                ? request.Json(RootJson.Me(user, request.JsonRoot))
                : Reply.Forbidden(request.Caller, ReadPermission),
            ["crumbIssuer", "api", "json"] => Crumb(request),
            ["crumbIssuer", "api", "xml"] => CrumbText(request),
            ["computer", "api", "json"] => request.Json(RootJson.Computers(request.World)),
            ["queue", "api", "json"] => request.Json(QueueJson.Queue(request.JsonContext)),
            ["queue", "item", var id, "api", "json"] => QueueItem(request, id),
            ["queue", "cancelItem"] => Cancel(request),
            ["job", ..] => JobRoutes.Handle(request),
            _ => Reply.NotFound(),
        };
    }

    private Reply Crumb(StandInRequest request)
    {
        if (!request.World.Options.CsrfProtection) return Reply.NotFound();
        return request.Json(new JsonObject
        {
            ["_class"] = "hudson.security.csrf.DefaultCrumbIssuer",
            ["crumb"] = security.IssueCrumb(request.Http, request.Caller),
            ["crumbRequestField"] = "Jenkins-Crumb",
        });
    }

    private Reply CrumbText(StandInRequest request) => request.World.Options.CsrfProtection
        ? Reply.Plain("Jenkins-Crumb:" + security.IssueCrumb(request.Http, request.Caller))
        : Reply.NotFound();

    private static Reply QueueItem(StandInRequest request, string id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return Reply.NotFound();
        return request.World.FindQueueItem(number) is { } item ? request.Json(QueueJson.Item(item, request.JsonContext)) : Reply.NotFound();
    }

    private static Reply Cancel(StandInRequest request)
    {
        if (!request.IsPost) return Reply.PostOnly();
        var text = request.Query("id") ?? request.Form.GetValueOrDefault("id").ToString();
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return Reply.Oops(400, "id is required");
        if (!request.CanBuild) return Reply.Oops(422, "Cancel permission is required");
        return request.World.Cancel(id) switch
        {
            CancelOutcome.Cancelled => Reply.Empty(204),
            CancelOutcome.NotFound => Reply.NotFound(),
            _ => Reply.Oops(500, $"Could not cancel run for id {id}"),
        };
    }
}
