using System.Text.Json;

namespace CiBridge.Operator.Webhooks;

/// <summary><c>admission.k8s.io/v1</c> AdmissionReview: the request the API server sends, and our answer.</summary>
internal sealed class AdmissionReview
{
    public string ApiVersion { get; set; } = "admission.k8s.io/v1";

    public string Kind { get; set; } = "AdmissionReview";

    public AdmissionRequest? Request { get; set; }

    public AdmissionResponse? Response { get; set; }
}

internal sealed class AdmissionRequest
{
    public string Uid { get; set; } = "";

    public GroupVersionKind? Kind { get; set; }

    public string? Name { get; set; }

    public string? Namespace { get; set; }

    /// <summary>CREATE, UPDATE, DELETE or CONNECT.</summary>
    public string Operation { get; set; } = "";

    public JsonElement? Object { get; set; }

    public bool? DryRun { get; set; }
}

internal sealed class GroupVersionKind
{
    public string Group { get; set; } = "";

    public string Version { get; set; } = "";

    public string Kind { get; set; } = "";
}

internal sealed class AdmissionResponse
{
    public string Uid { get; set; } = "";

    public bool Allowed { get; set; }

    public AdmissionStatus? Status { get; set; }

    /// <summary>Shown to the user (kubectl prints them as "Warning: …") whether or not the request is allowed.</summary>
    public List<string>? Warnings { get; set; }
}

/// <summary>The part of a <c>metav1.Status</c> the API server passes on to the user on a denial.</summary>
internal sealed class AdmissionStatus
{
    public int Code { get; set; }

    public string Message { get; set; } = "";

    public string Reason { get; set; } = "";
}
