using System.Text;
using System.Text.RegularExpressions;

namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>Jenkins' hidden console notes (<c>ESC[8mha:…ESC[0m</c>): in the raw log, not in the text.</summary>
internal static partial class ConsoleNotes
{
    public static string Hidden(string payload) =>
        "\u001b[8mha:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)) + "\u001b[0m";

    public static string Strip(string raw) => NotePattern().Replace(raw, "");

    [GeneratedRegex("\u001b\\[8mha:[^\u001b]*\u001b\\[0m")]
    private static partial Regex NotePattern();
}
