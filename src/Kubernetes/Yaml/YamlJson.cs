using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CiBridge.Kubernetes.Yaml;

/// <summary>
/// Converts between YAML manifests and <see cref="JsonNode"/> trees, as <c>sigs.k8s.io/yaml</c> does
/// for kubectl: YAML is only another spelling of the JSON the API server speaks. Plain scalars resolve
/// with the YAML 1.2 core schema (null, booleans, integers, floats); quoted scalars stay strings.
/// </summary>
public static class YamlJson
{
    /// <summary>Reads every document of a (possibly multi-document) YAML stream; empty documents are skipped.</summary>
    /// <exception cref="YamlFormatException">The text is not valid YAML; the message names line and column.</exception>
    public static IReadOnlyList<JsonNode> ReadDocuments(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var documents = new List<JsonNode>();
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                var node = parser.TryConsume<DocumentEnd>(out _) ? null : ReadDocumentBody(parser);
                if (node is not null) documents.Add(node);
            }
            parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            throw new YamlFormatException($"invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }
        return documents;
    }

    /// <summary>Reads a YAML stream that must hold exactly one document.</summary>
    public static JsonNode ReadSingle(string yaml)
    {
        var documents = ReadDocuments(yaml);
        return documents.Count == 1
            ? documents[0]
            : throw new YamlFormatException($"expected one YAML document, found {documents.Count}");
    }

    /// <summary>Writes documents in block style, separated by <c>---</c>, each starting with <c>---</c>.</summary>
    public static string Write(IEnumerable<JsonNode> documents)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(2, int.MaxValue, false, 1024, false, true, "\n"));
        emitter.Emit(new StreamStart());
        foreach (var document in documents)
        {
            emitter.Emit(new DocumentStart(null, null, false));
            WriteNode(emitter, document);
            emitter.Emit(new DocumentEnd(true));
        }
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    public static string Write(JsonNode document) => Write([document]);

    private static JsonNode? ReadDocumentBody(IParser parser)
    {
        var node = ReadNode(parser, new Dictionary<string, JsonNode?>(StringComparer.Ordinal));
        parser.Consume<DocumentEnd>();
        return node;
    }

    /// <summary>Reads one node; anchors are remembered and aliases expand to copies, as go-yaml (and so kubectl and kube) do.</summary>
    private static JsonNode? ReadNode(IParser parser, Dictionary<string, JsonNode?> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target?.DeepClone()
                : throw new YamlFormatException($"unknown anchor \"{alias.Value}\" referenced at line {alias.Start.Line}");
        }
        var anchor = parser.Current is NodeEvent { Anchor.IsEmpty: false } named ? named.Anchor.Value : null;
        var node = ReadValue(parser, anchors);
        if (anchor is not null) anchors[anchor] = node?.DeepClone();
        return node;
    }

    private static JsonNode? ReadValue(IParser parser, Dictionary<string, JsonNode?> anchors)
    {
        if (parser.TryConsume<Scalar>(out var scalar)) return ResolveScalar(scalar);
        if (parser.TryConsume<SequenceStart>(out _))
        {
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _)) array.Add(ReadNode(parser, anchors));
            return array;
        }
        if (parser.TryConsume<MappingStart>(out _)) return ReadMapping(parser, anchors);
        throw new YamlFormatException($"unexpected YAML at line {parser.Current?.Start.Line}");
    }

    private static JsonObject ReadMapping(IParser parser, Dictionary<string, JsonNode?> anchors)
    {
        var map = new JsonObject();
        var merged = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Consume<Scalar>();
            var value = ReadNode(parser, anchors);
            if (keyEvent.Value == "<<" && keyEvent.Style == ScalarStyle.Plain)
            {
                Merge(map, value, merged, keyEvent);
                continue;
            }
            if (map.ContainsKey(keyEvent.Value) && !merged.Remove(keyEvent.Value))
            {
                throw new YamlFormatException(
                    $"duplicate key \"{keyEvent.Value}\" at line {keyEvent.Start.Line}, column {keyEvent.Start.Column}");
            }
            map[keyEvent.Value] = value;
        }
        return map;
    }

    /// <summary>The merge key <c>&lt;&lt;: *base</c> (or a list of them): keys the mapping sets itself win.</summary>
    private static void Merge(JsonObject map, JsonNode? value, HashSet<string> merged, Scalar keyEvent)
    {
        var sources = value is JsonArray list ? list.ToList() : [value];
        foreach (var source in sources)
        {
            if (source is not JsonObject fields)
            {
                throw new YamlFormatException($"map merge requires map or sequence of maps as the value (line {keyEvent.Start.Line})");
            }
            foreach (var (key, field) in fields)
            {
                if (map.ContainsKey(key)) continue; // set by the mapping itself or by an earlier merge source
                map[key] = field?.DeepClone();
                merged.Add(key);
            }
        }
    }

    private static JsonNode? ResolveScalar(Scalar scalar)
    {
        if (!scalar.IsPlainImplicit || scalar.Style != ScalarStyle.Plain) return JsonValue.Create(scalar.Value);
        return ResolvePlain(scalar.Value, out var value) ? value : JsonValue.Create(scalar.Value);
    }

    /// <summary>YAML 1.2 core schema resolution of a plain scalar; false when it is a plain string.</summary>
    internal static bool ResolvePlain(string text, out JsonNode? value)
    {
        value = null;
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return true;
            case "true" or "True" or "TRUE":
                value = JsonValue.Create(true);
                return true;
            case "false" or "False" or "FALSE":
                value = JsonValue.Create(false);
                return true;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            value = JsonValue.Create(integer);
            return true;
        }
        if (text.Length > 0 && (char.IsDigit(text[^1]) || text[^1] == '.')
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            value = JsonValue.Create(number);
            return true;
        }
        return false;
    }

    private static void WriteNode(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case JsonObject map:
                emitter.Emit(new MappingStart(null, null, false, MappingStyle.Block));
                foreach (var (key, value) in map)
                {
                    WriteString(emitter, key);
                    WriteNode(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, false, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array) WriteNode(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                WriteString(emitter, text);
                break;
            default:
                emitter.Emit(new Scalar(null, null, node.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
        }
    }

    private static void WriteString(IEmitter emitter, string text)
    {
        // A string that would read back as null, a boolean or a number must be quoted.
        var style = ResolvePlain(text, out _) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, text, style, true, true));
    }
}

/// <summary>The YAML text is malformed or uses features that JSON cannot express.</summary>
public sealed class YamlFormatException(string message, Exception? inner = null) : FormatException(message, inner);
