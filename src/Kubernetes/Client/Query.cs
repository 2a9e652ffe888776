using System.Text;

namespace CiBridge.Kubernetes.Client;

/// <summary>Builds a query string, leaving out parameters without a value.</summary>
internal sealed class Query
{
    private readonly StringBuilder _text = new();

    public Query Add(string name, string? value, bool escape = true)
    {
        if (string.IsNullOrEmpty(value)) return this;
        _text.Append(_text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(escape ? Uri.EscapeDataString(value) : value);
        return this;
    }

    public override string ToString() => _text.ToString();
}
