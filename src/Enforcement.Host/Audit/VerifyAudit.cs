using Enforcement.Host.Configuration;
using Enforcement.Store;
using Enforcement.Store.Audit;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Audit;

/// <summary>
/// <c>POST /v1/audit/verify</c>: walks every chain (or one subject's) and checks each link, and each head against the
/// latest saved digest, so that an edit, a deletion, a reordering or a cut is found.
/// </summary>
public sealed record VerifyAudit(string? Subject) : ICommand<VerificationAnswer>;

/// <summary>The body of <c>POST /v1/audit/verify</c>: <c>{}</c> for every chain, or one subject's.</summary>
public sealed record VerifyBody(string? Subject);

/// <param name="Records">Records found intact (up to the break, when there is one).</param>
/// <param name="Digest">The id of the digest the heads were checked against; null when none was saved yet.</param>
public sealed record VerificationAnswer(bool Ok, long Records, AuditBreak? Broken, long Chains, long? Digest);

public sealed class VerifyAuditValidator : AbstractValidator<VerifyAudit>
{
    public VerifyAuditValidator(IOptions<EnforcementOptions> options)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        var limits = options.Value;
        RuleFor(c => c.Subject)
            .NotEmpty().When(c => c.Subject is not null).WithMessage("subject: leave it out to verify every chain, or name one (account:a-42).")
            .MaximumLength(limits.MaxIdLength + limits.MaxStringLength)
            .OverridePropertyName("subject");
    }
}

public sealed class VerifyAuditHandler(IEnforcementStore store) : ICommandHandler<VerifyAudit, VerificationAnswer>
{
    public async ValueTask<VerificationAnswer> Handle(VerifyAudit command, CancellationToken cancellationToken)
    {
        var digest = await store.ReadLatestDigestAsync(cancellationToken);
        if (digest is not null && !AuditDigests.IsConsistent(digest))
            return new VerificationAnswer(false, 0, new AuditBreak($"digest:{digest.Id}", 0, "the latest saved digest was edited: its root does not match its heads"), 0, digest.Id);
        var verification = await AuditVerifier.VerifyAsync(store, digest, command.Subject, cancellationToken);
        return new VerificationAnswer(verification.Ok, verification.Records, verification.Broken, verification.Chains, digest?.Id);
    }
}
