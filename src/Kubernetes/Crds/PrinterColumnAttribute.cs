namespace CiBridge.Kubernetes.Crds;

/// <summary>An <c>additionalPrinterColumns</c> entry: what <c>kubectl get</c> shows for the kind.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PrinterColumnAttribute(string name, string type, string jsonPath) : Attribute
{
    public string Name { get; } = name;

    /// <summary>string, integer, number, boolean or date.</summary>
    public string Type { get; } = type;

    public string JsonPath { get; } = jsonPath;

    /// <value>0 shows the column always; 1 only with <c>-o wide</c>.</value>
    public int Priority { get; init; }

    public string? Description { get; init; }

    public string? Format { get; init; }
}
