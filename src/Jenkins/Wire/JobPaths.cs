using CiBridge.Jenkins.Errors;

namespace CiBridge.Jenkins.Wire;

/// <summary>Job paths (<c>platform/process/build-war</c>) to Jenkins URLs (<c>job/platform/job/process/job/build-war/</c>).</summary>
internal static class JobPaths
{
    public static string ToRelativeUrl(string jobPath)
    {
        var names = jobPath.Trim('/').Split('/');
        if (jobPath.Trim('/').Length == 0 || names.Any(n => n.Length == 0 || n is "." or ".."))
        {
            throw new JenkinsException(JenkinsErrorKind.InvalidRequest, $"'{jobPath}' is not a valid job path (folder/…/job)");
        }
        return string.Concat(names.Select(n => "job/" + Uri.EscapeDataString(n) + "/"));
    }

    public static string Build(string jobPath, int number) =>
        ToRelativeUrl(jobPath) + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
}
