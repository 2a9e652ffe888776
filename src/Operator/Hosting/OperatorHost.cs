using System.Diagnostics.Metrics;
using System.Net;
using CiBridge.Kubernetes.Hosting;
using CiBridge.Operator.Configuration;
using CiBridge.Operator.Metrics;
using CiBridge.Operator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CiBridge.Operator.Hosting;

/// <summary>
/// The operator process: probes, metrics and the admission webhook on every replica; caches and
/// (while leading) the controllers through the Kubernetes runtime's manager.
/// </summary>
public static class OperatorHost
{
    public static WebApplication Build(OperatorOptions options, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        OperatorLogging.Configure(builder.Logging, options.LogFormat, options.LogLevel);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(options.ListenAddress);
            foreach (var port in new[] { options.HealthPort, options.MetricsPort }.OfType<int>().Distinct()) kestrel.Listen(address, port);
            if (options.WebhookPort is { } webhookPort)
            {
                var services = kestrel.ApplicationServices;
                var certificate = WebhookCertificate.Load(options.WebhookCertDir, services.GetService<TimeProvider>() ?? TimeProvider.System,
                    services.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("CiBridge.Webhook"));
                kestrel.Listen(address, webhookPort, listen => listen.UseWebhookCertificate(certificate));
            }
        });
        builder.Services.AddCiBridgeOperator(options);
        builder.Services.AddSingleton(p => new PrometheusExporter(p.GetRequiredService<IMeterFactory>(), "CiBridge."));
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        // Listen from the start: a MeterListener only sees measurements made after it exists.
        _ = app.Services.GetRequiredService<PrometheusExporter>();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", (IManager manager) => manager.IsReady ? Results.Text("ok") : Results.Text("caches not synced", statusCode: 503));
        app.MapGet("/metrics", (PrometheusExporter exporter) => Results.Text(exporter.Scrape(), "text/plain; version=0.0.4; charset=utf-8"));
        if (options.WebhookPort is not null)
        {
            app.MapAdmissionWebhook(app.Services.GetRequiredService<ApprovedProviderList>(), app.Services.GetRequiredService<Entities.Validation.RefusedNetworks>(),
                Webhooks.DefaultEndpointWarning.From(app.Services.GetRequiredService<Kubernetes.Cache.IInformerCache>())).OnlyOverTls();
        }
        return app;
    }
}
