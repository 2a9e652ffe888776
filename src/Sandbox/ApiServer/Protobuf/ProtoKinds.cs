using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Protobuf;

/// <summary>Field numbers of the k8s.io/api generated.proto messages the sandbox decodes.</summary>
internal static class ProtoKinds
{
    public static JsonObject Secret(byte[] raw)
    {
        var obj = new JsonObject();
        var reader = new ProtoReader(raw);
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1: obj["metadata"] = ProtoMeta.ObjectMeta(reader.ReadBytes()); break;
                case 2: ProtoMeta.MapEntry(Child(obj, "data"), reader.ReadBytes(), base64Values: true); break;
                case 3: obj["type"] = reader.ReadString(); break;
                case 4: ProtoMeta.MapEntry(Child(obj, "stringData"), reader.ReadBytes(), base64Values: false); break;
                case 5: obj["immutable"] = reader.ReadVarint() != 0; break;
                default: reader.Skip(wire); break;
            }
        }
        return obj;
    }

    public static JsonObject ConfigMap(byte[] raw)
    {
        var obj = new JsonObject();
        var reader = new ProtoReader(raw);
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1: obj["metadata"] = ProtoMeta.ObjectMeta(reader.ReadBytes()); break;
                case 2: ProtoMeta.MapEntry(Child(obj, "data"), reader.ReadBytes(), base64Values: false); break;
                case 3: ProtoMeta.MapEntry(Child(obj, "binaryData"), reader.ReadBytes(), base64Values: true); break;
                case 4: obj["immutable"] = reader.ReadVarint() != 0; break;
                default: reader.Skip(wire); break;
            }
        }
        return obj;
    }

    public static JsonObject Namespace(byte[] raw) => WithMetadataOnly(raw);

    public static JsonObject WithMetadataOnly(byte[] raw)
    {
        var obj = new JsonObject();
        var reader = new ProtoReader(raw);
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == 2) obj["metadata"] = ProtoMeta.ObjectMeta(reader.ReadBytes());
            else reader.Skip(wire);
        }
        return obj;
    }

    private static JsonObject Child(JsonObject obj, string name)
    {
        if (obj[name] is JsonObject child) return child;
        obj[name] = child = [];
        return child;
    }
}
