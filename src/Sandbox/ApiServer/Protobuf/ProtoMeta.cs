using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Protobuf;

/// <summary>Decodes <c>ObjectMeta</c> and map entries (the fields a client sets on create).</summary>
internal static class ProtoMeta
{
    public static JsonObject ObjectMeta(ReadOnlySpan<byte> data)
    {
        var metadata = new JsonObject();
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1: metadata["name"] = reader.ReadString(); break;
                case 2: metadata["generateName"] = reader.ReadString(); break;
                case 3: metadata["namespace"] = reader.ReadString(); break;
                case 11: MapEntry(Child(metadata, "labels"), reader.ReadBytes(), base64Values: false); break;
                case 12: MapEntry(Child(metadata, "annotations"), reader.ReadBytes(), base64Values: false); break;
                case 14: Finalizers(metadata).Add(reader.ReadString()); break;
                default: reader.Skip(wire); break;
            }
        }
        return metadata;
    }

    /// <summary>Reads one map entry (key = 1, value = 2) into <paramref name="map"/>.</summary>
    public static void MapEntry(JsonObject map, ReadOnlySpan<byte> entry, bool base64Values)
    {
        var reader = new ProtoReader(entry);
        string key = "";
        string value = "";
        while (!reader.End)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == 2) key = reader.ReadString();
            else if (field == 2 && wire == 2) value = base64Values ? Convert.ToBase64String(reader.ReadBytes()) : reader.ReadString();
            else reader.Skip(wire);
        }
        map[key] = value;
    }

    private static JsonObject Child(JsonObject obj, string name)
    {
        if (obj[name] is JsonObject child) return child;
        obj[name] = child = [];
        return child;
    }

    private static JsonArray Finalizers(JsonObject metadata)
    {
        if (metadata["finalizers"] is JsonArray list) return list;
        metadata["finalizers"] = list = [];
        return list;
    }
}
