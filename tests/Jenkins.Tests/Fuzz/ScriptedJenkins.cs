using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CiBridge.Jenkins.Tests.Fuzz;

/// <summary>A loopback HTTP server that answers every request with <see cref="Answer"/>, whatever it is.</summary>
internal sealed class ScriptedJenkins : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedJenkins(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public WireAnswer Answer { get; set; } = new(200, "application/json", "{}", null, true);

    public static async Task<ScriptedJenkins> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        ScriptedJenkins? self = null;
        app.Run(context => self!.WriteAsync(context));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new ScriptedJenkins(app, new Uri(address.TrimEnd('/') + "/"));
        return self;
    }

    private async Task WriteAsync(HttpContext context)
    {
        var answer = Answer;
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        if (answer.XJenkins) context.Response.Headers["X-Jenkins"] = "2.492.3";
        if (answer.Location is { } location) context.Response.Headers.Location = location;
        if (answer.Status is 204 or 304) return;
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer.Body), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
