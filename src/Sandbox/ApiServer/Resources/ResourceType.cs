using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Resources;

/// <summary>One served resource (a group/version/plural), built in or from a CustomResourceDefinition.</summary>
internal sealed record ResourceType
{
    public required string Group { get; init; }
    public required string Version { get; init; }
    public required string Kind { get; init; }
    public required string Plural { get; init; }
    public required string Singular { get; init; }
    public required bool Namespaced { get; init; }
    public IReadOnlyList<string> ShortNames { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Subresource names served besides the main resource (e.g. <c>status</c>).</summary>
    public bool HasStatusSubresource { get; init; }

    /// <summary>True for custom resources: generation tracking, schema validation and pruning apply.</summary>
    public bool IsCustom { get; init; }

    /// <summary>True when <c>metadata.generation</c> is maintained (custom resources and CRDs).</summary>
    public bool TracksGeneration { get; init; }

    /// <summary>The openAPIV3Schema of a custom resource version; null for built-in kinds.</summary>
    public JsonObject? Schema { get; init; }

    /// <summary>additionalPrinterColumns of a custom resource version (raw CRD JSON).</summary>
    public JsonArray? PrinterColumns { get; init; }

    public string ListKind => Kind + "List";

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Stable key of the stored data, shared by every version of one group/resource.</summary>
    public string StorageKey => StoredAs?.StorageKey ?? $"{Group}/{Plural}";

    /// <summary>
    /// Set when this resource is another view of a stored resource (events.k8s.io/v1 Events are
    /// stored as core/v1 Events, as in kube); <see cref="Converter"/> maps between the two.
    /// </summary>
    public ResourceType? StoredAs { get; init; }

    /// <summary>Field mapping between this resource's shape and the stored shape, when they differ.</summary>
    public FieldMapping? Converter { get; init; }

    /// <summary>The object as clients of this resource see it.</summary>
    public JsonObject FromStorage(JsonObject stored) => Converter?.Reverse(stored, ApiVersion, Kind) ?? stored;

    /// <summary>The object as it is stored.</summary>
    public JsonObject ToStorage(JsonObject obj) => Converter is null || StoredAs is null ? obj : Converter.Forward(obj, StoredAs.ApiVersion, StoredAs.Kind);

    /// <summary>The resource name kube uses in messages: <c>citasks.cibridge.dev</c> or <c>secrets</c>.</summary>
    public string QualifiedResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>
    /// kube's strategies for custom resources, CRDs, webhook configurations and Leases do not allow
    /// unconditional updates: a PUT must carry metadata.resourceVersion.
    /// </summary>
    public bool RequiresResourceVersionOnUpdate => IsCustom || Group is "apiextensions.k8s.io" or "admissionregistration.k8s.io" or "coordination.k8s.io";

    /// <summary>The patch media types kube accepts for this resource: no strategic merge for custom resources.</summary>
    public IReadOnlyList<string> PatchContentTypes => IsCustom ? s_customPatchTypes : s_builtinPatchTypes;

    private static readonly string[] s_customPatchTypes = ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"];

    private static readonly string[] s_builtinPatchTypes =
        ["application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml"];

    public static IReadOnlyList<string> AllVerbs { get; } =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
}
