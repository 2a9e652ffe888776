namespace CiBridge.Jenkins.Models;

/// <summary>A job found by discovery.</summary>
/// <param name="FullName">Folder path and name, '/'-separated.</param>
/// <param name="Url">The job URL as Jenkins reports it.</param>
/// <param name="Class">The Java class (<c>_class</c>).</param>
/// <param name="Color">Status ball color (blue, red, …, <c>_anime</c> while building).</param>
public sealed record JobSummary(string FullName, Uri? Url, string Class, string? Color);
