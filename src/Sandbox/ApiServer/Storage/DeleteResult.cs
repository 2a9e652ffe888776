using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>The object as last seen and whether it is gone (false: deletion waits for finalizers).</summary>
internal sealed record DeleteResult(JsonObject Object, bool Removed);
