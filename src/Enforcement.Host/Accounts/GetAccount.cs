using Enforcement.Host.Configuration;
using Enforcement.Runtime.Accounts;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Accounts;

/// <summary><c>GET /v1/accounts/{id}</c>: profile, enforcement, rungs and linked entities, for a reviewer.</summary>
public sealed record GetAccount(string Account) : IQuery<AccountView>;

public sealed class GetAccountValidator : AbstractValidator<GetAccount>
{
    public GetAccountValidator(IOptions<EnforcementOptions> options)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.Account).AccountId(options.Value);
    }
}

public sealed class GetAccountHandler(IGrainFactory grains) : IQueryHandler<GetAccount, AccountView>
{
    public async ValueTask<AccountView> Handle(GetAccount query, CancellationToken cancellationToken) =>
        await grains.GetGrain<IAccountGrain>(query.Account).GetView();
}
