using System.Collections.Immutable;

namespace Enforcement.Runtime.Signals;

/// <summary>What a grain made of the signals it was given: the answer of <c>POST /v1/signals</c>, per account.</summary>
[GenerateSerializer, Immutable, Alias("enforcement.ingest-result")]
public sealed record IngestResult(
    [property: Id(0)] int Accepted,
    [property: Id(1)] int Duplicates,
    [property: Id(2)] ImmutableArray<SignalRejection> Rejected,
    [property: Id(3)] ImmutableArray<DecisionView> Decisions)
{
    public static IngestResult Empty { get; } = new(0, 0, [], []);
}
