using Enforcement.Host.Configuration;
using Enforcement.Host.Metrics;
using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Signals;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Accounts;

/// <summary>
/// <c>POST /v1/accounts/{id}/challenge</c>: the identity system's word on a challenge. Passed lifts the account's
/// challenges; failed counts as a <c>challenge_failed</c> signal. Idempotent by <paramref name="Id"/>.
/// </summary>
/// <param name="At">When the challenge was decided; the server's time when the body has none.</param>
public sealed record ReportChallenge(string Account, string? Id, bool? Passed, string? Kind, DateTimeOffset? At) : ICommand<IngestResult>;

/// <summary>The body of <c>POST /v1/accounts/{id}/challenge</c>.</summary>
public sealed record ChallengeBody(string? Id, bool? Passed, string? Kind, DateTimeOffset? At);

public sealed class ReportChallengeValidator : AbstractValidator<ReportChallenge>
{
    public ReportChallengeValidator(IOptions<EnforcementOptions> options, TimeProvider time)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        var limits = options.Value;
        RuleFor(c => c.Account).AccountId(limits);
        RuleFor(c => c.Id)
            .NotEmpty().WithMessage("id: required; it makes the report idempotent.")
            .MaximumLength(limits.MaxIdLength).WithMessage($"id: at most {limits.MaxIdLength} characters.")
            .OverridePropertyName("id");
        RuleFor(c => c.Passed).NotNull().WithMessage("passed: true or false is required.").OverridePropertyName("passed");
        RuleFor(c => c.Kind).MaximumLength(limits.MaxStringLength).OverridePropertyName("kind");
        RuleFor(c => c.At).EventTime(limits, time).OverridePropertyName("at");
    }
}

public sealed class ReportChallengeHandler(IGrainFactory grains, EnforcementMetrics metrics, TimeProvider time) : ICommandHandler<ReportChallenge, IngestResult>
{
    public async ValueTask<IngestResult> Handle(ReportChallenge command, CancellationToken cancellationToken)
    {
        var report = new ChallengeReport(command.Id!, command.Passed!.Value, command.Kind, command.At ?? time.GetUtcNow());
        var result = await grains.GetGrain<IAccountGrain>(command.Account).ReportChallenge(report);
        metrics.Decided(result.Decisions);
        return result;
    }
}
