namespace CiBridge.Sandbox.ApiServer.Admission;

/// <summary>Validating admission: throws an ApiException to deny the request.</summary>
internal interface IAdmission
{
    Task AdmitAsync(AdmissionRequest request, CancellationToken ct);
}
