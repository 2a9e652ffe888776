namespace CiBridge.Sandbox.ApiServer.Admission;

/// <summary>Admits everything.</summary>
internal sealed class NoAdmission : IAdmission
{
    public Task AdmitAsync(AdmissionRequest request, CancellationToken ct) => Task.CompletedTask;
}
