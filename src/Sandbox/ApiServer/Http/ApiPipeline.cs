using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.ApiServer.Http;

/// <summary>Every request: bearer-token authentication, injected faults, then routing; failures become Status bodies.</summary>
internal sealed class ApiPipeline(string token, ApiRouter router, Faults.FaultMiddleware faults)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes("Bearer " + token);

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            if (!Authenticated(context))
            {
                throw new ApiException(401, "Unauthorized", "Unauthorized");
            }
            await faults.HandleAsync(context, router.RouteAsync);
        }
        catch (ApiException e) when (!context.Response.HasStarted)
        {
            await Responses.WriteErrorAsync(context, e);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the client went away
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            await Responses.WriteErrorAsync(context, new ApiException(500, "InternalError", $"Internal error occurred: {e.GetType().Name}: {e.Message}"));
        }
    }

    private bool Authenticated(HttpContext context)
    {
        var header = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
        return CryptographicOperations.FixedTimeEquals(header, _expected);
    }
}
