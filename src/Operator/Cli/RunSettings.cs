using System.CommandLine.Parsing;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CiBridge.Operator.Cli;

/// <summary>
/// Defaults for the run flags from <c>appsettings.json</c> (section <c>CiBridge</c>) and environment
/// variables (<c>CIBRIDGE_LOGFORMAT=text</c>, …), in that order; a flag given on the command line wins.
/// Keys are the option names in PascalCase (<c>ApprovedProviders</c>, <c>WatchNamespaces</c>, …).
/// </summary>
internal sealed class RunSettings(IConfiguration configuration)
{
    public static RunSettings Load()
    {
        var file = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true)
            .Build()
            .GetSection("CiBridge");
        return new(new ConfigurationBuilder().AddConfiguration(file).AddEnvironmentVariables("CIBRIDGE_").Build());
    }

    /// <summary>The setting, or <paramref name="fallback"/>; a value of the wrong type is a parse error that names it.</summary>
    public T Get<T>(ArgumentResult result, string key, T fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        try
        {
            return (T)Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            result.AddError($"setting {key} (appsettings.json or CIBRIDGE_{key.ToUpperInvariant()}): \"{text}\" is not a valid {type.Name}");
            return fallback;
        }
    }
}
