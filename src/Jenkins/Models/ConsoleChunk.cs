namespace CiBridge.Jenkins.Models;

/// <summary>A piece of console text.</summary>
/// <param name="Text">The text (console notes stripped).</param>
/// <param name="NextOffset">The raw byte offset to ask for next (<c>X-Text-Size</c>).</param>
/// <param name="MoreData">True while the build still writes its log.</param>
/// <param name="Truncated">True when the chunk was longer than the limit and was cut.</param>
public sealed record ConsoleChunk(string Text, long NextOffset, bool MoreData, bool Truncated);
