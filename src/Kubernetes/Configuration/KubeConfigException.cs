namespace CiBridge.Kubernetes.Configuration;

/// <summary>A kubeconfig or in-cluster file is missing or wrong; the message names the file and the field.</summary>
public sealed class KubeConfigException : Exception
{
    public KubeConfigException(string file, string field, string problem, Exception? inner = null)
        : base($"{file}: {field}: {problem}", inner)
    {
        File = file;
        Field = field;
    }

    public KubeConfigException()
    {
    }

    public KubeConfigException(string message) : base(message)
    {
    }

    public KubeConfigException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public string? File { get; }

    public string? Field { get; }
}
