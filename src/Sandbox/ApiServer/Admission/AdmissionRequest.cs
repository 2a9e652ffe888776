using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.Admission;

/// <summary>What validating admission sees of a write: operation, resource, objects and options.</summary>
internal sealed record AdmissionRequest(
    string Operation,
    ResourceType Type,
    string? Subresource,
    string? Namespace,
    string Name,
    JsonObject? Object,
    JsonObject? OldObject,
    bool DryRun);
