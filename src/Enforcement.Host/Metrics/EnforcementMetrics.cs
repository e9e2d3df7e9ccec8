using System.Diagnostics.Metrics;
using Enforcement.Host.Signals;
using Enforcement.Runtime.Signals;

namespace Enforcement.Host.Metrics;

/// <summary>What the service counts: signals by outcome and decisions by kind and policy.</summary>
public sealed class EnforcementMetrics
{
    public const string MeterName = "Enforcement";

    private readonly Counter<long> accepted;
    private readonly Counter<long> duplicates;
    private readonly Counter<long> rejected;
    private readonly Counter<long> decisions;

    public EnforcementMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        accepted = meter.CreateCounter<long>("enforcement.signals.accepted", "{signal}", "Signals taken by their account's grain.");
        duplicates = meter.CreateCounter<long>("enforcement.signals.duplicate", "{signal}", "Signals whose id was already taken with the same content.");
        rejected = meter.CreateCounter<long>("enforcement.signals.rejected", "{signal}", "Signals refused, at the edge or by their grain.");
        decisions = meter.CreateCounter<long>("enforcement.decisions", "{decision}", "Decisions taken, by kind and policy.");
    }

    public void Ingested(SignalsAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        accepted.Add(answer.Accepted);
        duplicates.Add(answer.Duplicates);
        rejected.Add(answer.Rejected.Length);
        Decided(answer.Decisions);
    }

    public void Decided(IEnumerable<DecisionView> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        foreach (var decision in taken)
            decisions.Add(1, new KeyValuePair<string, object?>("kind", decision.Kind), new KeyValuePair<string, object?>("policy", decision.Policy));
    }
}
