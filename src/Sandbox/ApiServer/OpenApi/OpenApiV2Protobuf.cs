using System.Text;

namespace CiBridge.Sandbox.ApiServer.OpenApi;

/// <summary>
/// kubectl asks for <c>/openapi/v2</c> only as gnostic protobuf, and only to validate kinds that
/// OpenAPI v3 does not describe (every served kind is in v3 and validated by the server). A
/// Document with no definitions is therefore enough: kubectl then skips client-side validation
/// of unknown kinds and reports them as kube does ("no matches for kind …").
/// </summary>
internal static class OpenApiV2Protobuf
{
    /// <summary>kube-openapi answers protobuf as an octet stream (the requested media type is not a valid MIME type).</summary>
    public const string ContentType = "application/octet-stream";

    public static byte[] EmptyDocument()
    {
        var info = Concat(Field(1, "Kubernetes"), Field(2, "v1.32.0"));
        return Concat(Field(1, "2.0"), Field(2, info));
    }

    private static byte[] Field(int number, string text) => Field(number, Encoding.UTF8.GetBytes(text));

    private static byte[] Field(int number, byte[] payload)
    {
        var result = new List<byte> { (byte)((number << 3) | 2) };
        var length = payload.Length;
        do
        {
            var b = (byte)(length & 0x7f);
            length >>= 7;
            result.Add(length > 0 ? (byte)(b | 0x80) : b);
        }
        while (length > 0);
        result.AddRange(payload);
        return [.. result];
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
