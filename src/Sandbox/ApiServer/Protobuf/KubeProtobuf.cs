using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Http;

namespace CiBridge.Sandbox.ApiServer.Protobuf;

/// <summary>
/// Decodes the request bodies kubectl sends as <c>application/vnd.kubernetes.protobuf</c> (its
/// typed <c>create</c> commands) into JSON: the <c>k8s\0</c> envelope and the built-in kinds a user
/// creates that way (Namespace, Secret, ConfigMap, ServiceAccount). Responses are always JSON.
/// </summary>
internal static class KubeProtobuf
{
    public const string ContentType = "application/vnd.kubernetes.protobuf";
    private static readonly byte[] s_magic = [0x6b, 0x38, 0x73, 0x00];

    public static JsonObject Decode(byte[] body)
    {
        if (body.Length < 4 || !body.AsSpan(0, 4).SequenceEqual(s_magic)) throw StatusObjects.BadRequest("provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
        try
        {
            return DecodeEnvelope(body);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            throw StatusObjects.BadRequest($"unable to decode the protobuf body: {e.Message}");
        }
    }

    private static JsonObject DecodeEnvelope(byte[] body)
    {
        var (apiVersion, kind, raw) = ReadUnknown(body.AsSpan(4));
        var obj = kind switch
        {
            "Secret" => ProtoKinds.Secret(raw),
            "ConfigMap" => ProtoKinds.ConfigMap(raw),
            "Namespace" => ProtoKinds.Namespace(raw),
            "ServiceAccount" => ProtoKinds.WithMetadataOnly(raw),
            _ => throw new ApiException(415, "UnsupportedMediaType", $"the sandbox accepts {kind} only as JSON or YAML"),
        };
        obj["apiVersion"] = apiVersion;
        obj["kind"] = kind;
        return obj;
    }

    private static (string ApiVersion, string Kind, byte[] Raw) ReadUnknown(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        string apiVersion = "", kind = "";
        byte[] raw = [];
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == 2)
            {
                var typeMeta = new ProtoReader(reader.ReadBytes());
                while (!typeMeta.End)
                {
                    var (f, w) = typeMeta.ReadTag();
                    if (f == 1 && w == 2) apiVersion = typeMeta.ReadString();
                    else if (f == 2 && w == 2) kind = typeMeta.ReadString();
                    else typeMeta.Skip(w);
                }
            }
            else if (field == 2 && wire == 2)
            {
                raw = reader.ReadBytes().ToArray();
            }
            else
            {
                reader.Skip(wire);
            }
        }
        return (apiVersion, kind, raw);
    }
}
