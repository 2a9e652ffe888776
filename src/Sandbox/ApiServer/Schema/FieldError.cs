namespace CiBridge.Sandbox.ApiServer.Schema;

/// <summary>
/// One validation failure, shaped like apimachinery's <c>field.Error</c>: the field path, the cause
/// reason that goes into a Status' <c>details.causes[].reason</c>, and the message after the path.
/// </summary>
public sealed record FieldError(string Field, string Reason, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>The <c>metav1.CauseType</c> values that schema validation produces.</summary>
public static class FieldErrorReasons
{
    public const string Required = "FieldValueRequired";
    public const string Invalid = "FieldValueInvalid";
    public const string NotSupported = "FieldValueNotSupported";
    public const string TooLong = "FieldValueTooLong";
    public const string TooMany = "FieldValueTooMany";
    public const string TypeInvalid = "FieldValueTypeInvalid";
    public const string Duplicate = "FieldValueDuplicate";
}
