using Enforcement.Host.Configuration;
using Enforcement.Runtime.Accounts;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Accounts;

/// <summary><c>PUT /v1/accounts/{id}/profile</c>: what <c>account.*</c> reads in conditions; a field left out keeps its value.</summary>
public sealed record UpdateProfile(string Account, DateTimeOffset? Created, string? Tier, string? Region, bool? Verified) : ICommand;

/// <summary>The body of <c>PUT /v1/accounts/{id}/profile</c>.</summary>
public sealed record ProfileBody(DateTimeOffset? Created, string? Tier, string? Region, bool? Verified);

public sealed class UpdateProfileValidator : AbstractValidator<UpdateProfile>
{
    public UpdateProfileValidator(IOptions<EnforcementOptions> options, TimeProvider time)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        var limits = options.Value;
        RuleFor(c => c.Account).AccountId(limits);
        RuleFor(c => c.Tier).MaximumLength(limits.MaxStringLength).OverridePropertyName("tier");
        RuleFor(c => c.Region).MaximumLength(limits.MaxStringLength).OverridePropertyName("region");
        // An account is not created in the future; any past is possible (accounts older than signals are kept).
        RuleFor(c => c.Created)
            .Must(created => created is null || created <= time.GetUtcNow() + limits.MaxClockSkew)
            .WithMessage("created: an account cannot be created in the future.")
            .OverridePropertyName("created");
    }
}

public sealed class UpdateProfileHandler(IGrainFactory grains) : ICommandHandler<UpdateProfile>
{
    public async ValueTask<Unit> Handle(UpdateProfile command, CancellationToken cancellationToken)
    {
        await grains.GetGrain<IAccountGrain>(command.Account)
            .UpdateProfile(new ProfileUpdate(command.Created, command.Tier, command.Region, command.Verified));
        return Unit.Value;
    }
}
