namespace CiBridge.Sandbox.ApiServer.Builtins;

/// <summary>
/// Go's <c>base64.StdEncoding.Decode</c>, which kube's JSON decoder uses for <c>[]byte</c> fields
/// (Secret <c>data</c>, ConfigMap <c>binaryData</c>): padding required, CR and LF skipped, anything
/// else outside the alphabet is an error at the byte offset Go reports
/// (<c>illegal base64 data at input byte N</c>).
/// </summary>
internal static class GoBase64
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>Decodes <paramref name="text"/> (its UTF-8 bytes); on failure <paramref name="error"/> holds Go's message.</summary>
    public static byte[]? Decode(string text, out string? error)
    {
        var src = System.Text.Encoding.UTF8.GetBytes(text);
        var output = new List<byte>(src.Length * 3 / 4);
        var si = 0;
        while (si < src.Length)
        {
            var corruptAt = DecodeQuantum(src, ref si, output);
            if (corruptAt is { } offset)
            {
                error = $"illegal base64 data at input byte {offset}";
                return null;
            }
        }
        error = null;
        return [.. output];
    }

    /// <summary>One quantum of up to four characters; returns the offset of corrupt input, if any.</summary>
    private static int? DecodeQuantum(byte[] src, ref int si, List<byte> output)
    {
        Span<int> buffer = stackalloc int[4];
        var length = 4;
        for (var j = 0; j < 4; j++)
        {
            if (si == src.Length)
            {
                if (j == 0) return null;
                return si - j; // a partial quantum: padding is required
            }
            var c = src[si++];
            var value = Alphabet.IndexOf((char)c, StringComparison.Ordinal);
            if (c < 128 && value >= 0)
            {
                buffer[j] = value;
                continue;
            }
            if (c is (byte)'\n' or (byte)'\r')
            {
                j--;
                continue;
            }
            if (c != '=' || j < 2) return si - 1;
            if (Padding(src, ref si, j) is { } corrupt) return corrupt;
            length = j;
            break;
        }
        var bits = (buffer[0] << 18) | (buffer[1] << 12) | (buffer[2] << 6) | buffer[3];
        for (var k = 0; k < length - 1; k++) output.Add((byte)(bits >> (16 - (8 * k))));
        return null;
    }

    /// <summary>After a '=' at position <paramref name="j"/> of a quantum: the rest must be padding and line breaks only.</summary>
    private static int? Padding(byte[] src, ref int si, int j)
    {
        if (j == 2)
        {
            SkipLineBreaks(src, ref si);
            if (si == src.Length) return src.Length;
            if (src[si] != '=') return si - 1;
            si++;
        }
        SkipLineBreaks(src, ref si);
        return si < src.Length ? si : null;
    }

    private static void SkipLineBreaks(byte[] src, ref int si)
    {
        while (si < src.Length && src[si] is (byte)'\n' or (byte)'\r') si++;
    }
}
