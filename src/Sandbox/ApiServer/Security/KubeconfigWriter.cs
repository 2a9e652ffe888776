using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Yaml;

namespace CiBridge.Sandbox.ApiServer.Security;

/// <summary>Writes a kubeconfig with one cluster, user and context, all named <c>sandbox</c>.</summary>
internal static class KubeconfigWriter
{
    public static string Render(Uri server, string caPem, string token, string @namespace)
    {
        var config = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Config",
            ["clusters"] = new JsonArray(new JsonObject
            {
                ["name"] = "sandbox",
                ["cluster"] = new JsonObject
                {
                    ["server"] = server.ToString().TrimEnd('/'),
                    ["certificate-authority-data"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem)),
                },
            }),
            ["users"] = new JsonArray(new JsonObject { ["name"] = "sandbox", ["user"] = new JsonObject { ["token"] = token } }),
            ["contexts"] = new JsonArray(new JsonObject
            {
                ["name"] = "sandbox",
                ["context"] = new JsonObject { ["cluster"] = "sandbox", ["user"] = "sandbox", ["namespace"] = @namespace },
            }),
            ["current-context"] = "sandbox",
            ["preferences"] = new JsonObject(),
        };
        return YamlJson.Write(config);
    }

    public static void Write(string path, string content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
