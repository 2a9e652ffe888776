namespace CiBridge.Sandbox.ApiServer.Admission;

/// <summary>A webhook could not be reached or answered nonsense; failurePolicy decides what follows.</summary>
internal sealed class WebhookCallException(string message, Exception? inner = null) : Exception(message, inner);
