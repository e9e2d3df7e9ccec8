using Enforcement.Host.Configuration;
using Enforcement.Host.Web;
using Enforcement.Runtime.Cases;
using Enforcement.Store;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Cases;

/// <summary><c>GET /v1/cases/{id}</c>.</summary>
public sealed record GetCase(string Id) : IQuery<Case>;

public sealed class GetCaseValidator : AbstractValidator<GetCase>
{
    public GetCaseValidator(IOptions<EnforcementOptions> options) => RuleFor(q => q.Id).CaseId(options.Value);
}

public sealed class GetCaseHandler(IEnforcementStore store) : IQueryHandler<GetCase, Case>
{
    public async ValueTask<Case> Handle(GetCase query, CancellationToken cancellationToken) =>
        await store.ReadCaseAsync(query.Id, cancellationToken) is { } stored
            ? CaseDocument.FromStored(stored)
            : throw RequestProblemException.NotFound($"No case {query.Id}.");
}
