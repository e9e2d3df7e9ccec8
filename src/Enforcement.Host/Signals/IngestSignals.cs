using System.Collections.Immutable;
using System.Text.Json;
using Enforcement.Host.Configuration;
using Enforcement.Host.Metrics;
using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.PolicySets;
using Enforcement.Runtime.Signals;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Signals;

/// <summary>
/// <c>POST /v1/signals</c>: a batch, its items still raw JSON so that a bad item is rejected alone. Only the batch as
/// a whole (no <c>signals</c> array, too many items) fails the request.
/// </summary>
public sealed record IngestSignals(IReadOnlyList<JsonElement>? Signals) : ICommand<SignalsAnswer>;

/// <summary>The answer: 200 also when some items were rejected. <see cref="Rejected"/> is ordered by index.</summary>
public sealed record SignalsAnswer(int Accepted, int Duplicates, ImmutableArray<SignalRejection> Rejected, ImmutableArray<DecisionView> Decisions);

public sealed class IngestSignalsValidator : AbstractValidator<IngestSignals>
{
    public IngestSignalsValidator(IOptions<EnforcementOptions> options)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        ArgumentNullException.ThrowIfNull(options);
        var max = options.Value.MaxBatch;
        RuleFor(c => c.Signals)
            .NotNull().WithMessage("A 'signals' array is required: {\"signals\": [{\"id\": …, \"account\": …, \"type\": …}]}.")
            .Must(s => s!.Count <= max).WithMessage(c => $"A batch holds at most {max} signals; this one has {c.Signals!.Count}.");
    }
}

/// <summary>
/// Checks each item, then hands each account's signals to its grain, all accounts at once, and merges what the grains
/// answer. A grain that fails fails the request (503 or 500): every id is idempotent, so the sender sends the batch
/// again and what was already taken comes back as duplicates.
/// </summary>
public sealed class IngestSignalsHandler(
    SignalScreen screen,
    ActivePolicySet policies,
    IGrainFactory grains,
    EnforcementMetrics metrics,
    TimeProvider time) : ICommandHandler<IngestSignals, SignalsAnswer>
{
    public async ValueTask<SignalsAnswer> Handle(IngestSignals command, CancellationToken cancellationToken)
    {
        var batch = screen.Screen(command.Signals!, policies.Current.Set.Catalog, time.GetUtcNow());
        var results = await Task.WhenAll(batch.Accounts.Select(a => grains.GetGrain<IAccountGrain>(a.Account).Ingest(a.Signals)));
        var answer = new SignalsAnswer(
            results.Sum(r => r.Accepted),
            batch.Duplicates + results.Sum(r => r.Duplicates),
            [.. batch.Rejected.Concat(results.SelectMany(r => r.Rejected)).OrderBy(r => r.Index)],
            [.. results.SelectMany(r => r.Decisions)]);
        metrics.Ingested(answer);
        return answer;
    }
}
