using System.Diagnostics.Metrics;
using Enforcement.Host.Signals;
using Enforcement.Runtime.Signals;

namespace Enforcement.Host.Metrics;

/// <summary>What the service counts: signals by outcome, decisions by kind and policy, the outbox's deliveries and failures.</summary>
public sealed class EnforcementMetrics
{
    public const string MeterName = "Enforcement";

    private readonly Counter<long> accepted;
    private readonly Counter<long> duplicates;
    private readonly Counter<long> rejected;
    private readonly Counter<long> decisions;
    private readonly Counter<long> delivered;
    private readonly Counter<long> deliveryFailures;

    public EnforcementMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        accepted = meter.CreateCounter<long>("enforcement.signals.accepted", "{signal}", "Signals taken by their account's grain.");
        duplicates = meter.CreateCounter<long>("enforcement.signals.duplicate", "{signal}", "Signals whose id was already taken with the same content.");
        rejected = meter.CreateCounter<long>("enforcement.signals.rejected", "{signal}", "Signals refused, at the edge or by their grain.");
        decisions = meter.CreateCounter<long>("enforcement.decisions", "{decision}", "Decisions taken, by kind and policy.");
        delivered = meter.CreateCounter<long>("enforcement.outbox.delivered", "{change}", "Changes the outbox's destination acknowledged (a change sent again counts again).");
        deliveryFailures = meter.CreateCounter<long>("enforcement.outbox.failures", "{attempt}", "Outbox POSTs that failed: an answer other than 2xx, a timeout or no connection.");
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

    public void Delivered(int changes) => delivered.Add(changes);

    public void DeliveryFailed() => deliveryFailures.Add(1);
}
