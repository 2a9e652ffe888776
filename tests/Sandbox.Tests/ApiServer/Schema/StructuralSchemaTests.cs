using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Schema;

namespace CiBridge.Sandbox.Tests.ApiServer.Schema;

public sealed class StructuralSchemaTests
{
    private static readonly JsonObject s_schema = JsonNode.Parse("""
        {"type":"object","properties":{
          "spec":{"type":"object","required":["url"],"properties":{
            "url":{"type":"string"},
            "mode":{"type":"string","default":"Fast","enum":["Fast","Slow"]},
            "labels":{"type":"object","additionalProperties":{"type":"string","maxLength":3}},
            "extra":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
            "when":{"type":"string","format":"date-time"},
            "note":{"type":"string","nullable":true},
            "nested":{"type":"object","default":{},"properties":{"depth":{"type":"integer","default":3}}}}},
          "status":{"type":"object","properties":{"ok":{"type":"boolean"}}}}}
        """)!.AsObject();

    [Fact]
    public void Prune_RemovesUnknownFields_KeepsRootMetadataAndPreservedSubtrees()
    {
        var obj = Parse("""
            {"apiVersion":"x/v1","kind":"K","metadata":{"name":"a"},"bogus":1,
             "spec":{"url":"u","unknown":true,"extra":{"anything":{"goes":1}},"labels":{"a":"b"}}}
            """);

        StructuralSchema.Prune(obj, s_schema);

        Assert.Equal(
            """{"apiVersion":"x/v1","kind":"K","metadata":{"name":"a"},"spec":{"url":"u","extra":{"anything":{"goes":1}},"labels":{"a":"b"}}}""",
            obj.ToJsonString());
    }

    [Fact]
    public void ApplyDefaults_FillsMissingValues_DropsNonNullableNulls_KeepsNullableOnes()
    {
        var obj = Parse("""{"spec":{"url":"u","mode":null,"note":null}}""");

        StructuralSchema.ApplyDefaults(obj, s_schema);

        Assert.Equal("""{"spec":{"url":"u","note":null,"mode":"Fast","nested":{"depth":3}}}""", obj.ToJsonString());
    }

    [Theory]
    [InlineData("missing required", """{"spec":{}}""", "spec.url: Required value")]
    [InlineData("enum", """{"spec":{"url":"u","mode":"Medium"}}""", "spec.mode: Unsupported value: \"Medium\": supported values: \"Fast\", \"Slow\"")]
    [InlineData("wrong type", """{"spec":{"url":5}}""", "spec.url: Invalid value: 5: spec.url in body must be of type string: \"integer\"")]
    [InlineData("map value length", """{"spec":{"url":"u","labels":{"team":"platform"}}}""", "spec.labels.team: Too long: may not be more than 3 bytes")]
    [InlineData("date-time format", """{"spec":{"url":"u","when":"yesterday"}}""", "spec.when: Invalid value: \"yesterday\": spec.when in body must be of type date-time: \"yesterday\"")]
    [InlineData("null where not nullable", """{"status":{"ok":null}}""", "status.ok: Invalid value: \"null\": status.ok in body must be of type boolean: \"null\"")]
    public void Validate_ReportsKubeStyleFieldErrors(string rule, string json, string expected)
    {
        var errors = StructuralSchema.Validate(Parse(json), s_schema).Select(e => e.ToString());

        Assert.True(errors.Contains(expected), $"{rule}: expected \"{expected}\" in [{string.Join("; ", errors)}]");
    }

    [Fact]
    public void Validate_AcceptsAValidObject_AndNullWhereNullable()
    {
        var obj = Parse("""{"spec":{"url":"u","mode":"Slow","note":null,"when":"2026-01-02T03:04:05Z","nested":{"depth":1}}}""");

        Assert.Empty(StructuralSchema.Validate(obj, s_schema));
    }

    [Fact]
    public void Validate_GivesEachErrorItsCauseReason()
    {
        var errors = StructuralSchema.Validate(Parse("""{"spec":{"mode":"Medium"}}"""), s_schema);

        Assert.Equal(
            [("spec.url", FieldErrorReasons.Required), ("spec.mode", FieldErrorReasons.NotSupported)],
            errors.Select(e => (e.Field, e.Reason)));
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
