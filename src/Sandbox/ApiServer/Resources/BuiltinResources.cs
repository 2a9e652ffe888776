namespace CiBridge.Sandbox.ApiServer.Resources;

/// <summary>The built-in kinds the project needs, as kube-apiserver serves them.</summary>
internal static class BuiltinResources
{
    public static ResourceType Namespaces { get; } = Core("Namespace", "namespaces", "namespace", false, ["ns"]) with
    {
        HasStatusSubresource = true,
    };

    public static ResourceType Crds { get; } = new()
    {
        Group = "apiextensions.k8s.io",
        Version = "v1",
        Kind = "CustomResourceDefinition",
        Plural = "customresourcedefinitions",
        Singular = "customresourcedefinition",
        Namespaced = false,
        ShortNames = ["crd", "crds"],
        Categories = ["api-extensions"],
        HasStatusSubresource = true,
        TracksGeneration = true,
    };

    public static ResourceType CoreEvents { get; } = Core("Event", "events", "event", true, ["ev"]);

    public static ResourceType ValidatingWebhooks { get; } = new()
    {
        Group = "admissionregistration.k8s.io",
        Version = "v1",
        Kind = "ValidatingWebhookConfiguration",
        Plural = "validatingwebhookconfigurations",
        Singular = "validatingwebhookconfiguration",
        Namespaced = false,
        Categories = ["api-extensions"],
        TracksGeneration = true,
    };

    public static IReadOnlyList<ResourceType> All { get; } =
    [
        Namespaces,
        Core("Secret", "secrets", "secret", true, []),
        Core("ConfigMap", "configmaps", "configmap", true, ["cm"]),
        CoreEvents,
        Core("ServiceAccount", "serviceaccounts", "serviceaccount", true, ["sa"]),
        Grouped("events.k8s.io", "Event", "events", "event", ["ev"]) with { StoredAs = CoreEvents, Converter = FieldMapping.EventsV1ToCore },
        Grouped("coordination.k8s.io", "Lease", "leases", "lease", []),
        ValidatingWebhooks,
        Crds,
    ];

    private static ResourceType Core(string kind, string plural, string singular, bool namespaced, string[] shortNames) => new()
    {
        Group = "",
        Version = "v1",
        Kind = kind,
        Plural = plural,
        Singular = singular,
        Namespaced = namespaced,
        ShortNames = shortNames,
    };

    private static ResourceType Grouped(string group, string kind, string plural, string singular, string[] shortNames) => new()
    {
        Group = group,
        Version = "v1",
        Kind = kind,
        Plural = plural,
        Singular = singular,
        Namespaced = true,
        ShortNames = shortNames,
    };
}
