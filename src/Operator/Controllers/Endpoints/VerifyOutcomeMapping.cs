using CiBridge.Entities.Conditions;
using CiBridge.Jenkins.Models;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Endpoints;

/// <summary>Maps what the Jenkins client found to a Ready reason, and whether only the user can fix it.</summary>
internal static class VerifyOutcomeMapping
{
    public static Failure? ToFailure(VerifyOutcome outcome) => outcome.Status switch
    {
        VerifyStatus.Verified => null,
        VerifyStatus.Unreachable or VerifyStatus.DnsFailure or VerifyStatus.Timeout or VerifyStatus.ServerError =>
            new Failure(EndpointReasons.Unreachable, outcome.Message, Stalled: false),
        VerifyStatus.TlsError => Failure.NeedsUser(EndpointReasons.TlsError, outcome.Message),
        VerifyStatus.Unauthorized or VerifyStatus.Anonymous => Failure.NeedsUser(EndpointReasons.AuthenticationFailed, outcome.Message),
        VerifyStatus.Forbidden => Failure.NeedsUser(EndpointReasons.Forbidden, outcome.Message),
        VerifyStatus.NotJenkins or VerifyStatus.LoginRedirect => Failure.NeedsUser(EndpointReasons.NotJenkins, outcome.Message),
        _ => new Failure(EndpointReasons.Unreachable, outcome.Message, Stalled: false),
    };
}
