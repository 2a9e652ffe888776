using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Http;

/// <summary>The <c>/version</c> document: the sandbox reports the kube version whose API it follows.</summary>
internal static class VersionInfo
{
    public static JsonObject Document() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-cibridge-sandbox",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };
}
