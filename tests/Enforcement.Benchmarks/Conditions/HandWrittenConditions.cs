using Enforcement.Policy;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Evaluation;

namespace Enforcement.Benchmarks.Conditions;

/// <summary>
/// The account-scoped conditions of the shipped pack written out in C#: the same slots of the same windows, the same
/// terms in the same order with the same short-circuits, nothing in between. With <see cref="DirectReads"/> every term
/// reads its slot, as the compiled closures do, so the difference from them is the closures' own cost: the floor
/// compilation can reach. <see cref="EvaluateMemoized"/> shows what sharing reads across terms would add to that.
/// </summary>
internal sealed class HandWrittenConditions
{
    // Durations compile to seconds, and account.age is the account's age in seconds.
    private const double Days30 = 30 * 86_400.0;
    private const double Days90 = 90 * 86_400.0;

    private readonly AccountSlots slots;
    private readonly ReadMemo memo;

    public HandWrittenConditions(ScopeProgram program, SignalCatalog catalog)
    {
        AccountPolicies.RequireShipped(program);
        slots = AccountSlots.Find(program, catalog);
        memo = new ReadMemo(program.Layout.SlotCount);
    }

    /// <summary>Bit <c>i</c> set when the program's policy <c>i</c> holds.</summary>
    public int Evaluate(EvaluationScope scope) =>
        Evaluate(new DirectReads(scope.Windows, scope.Now), scope.Account, scope.Now);

    /// <summary>As <see cref="Evaluate(EvaluationScope)"/>, reading each slot at most once.</summary>
    public int EvaluateMemoized(EvaluationScope scope) =>
        Evaluate(memo.Begin(scope.Windows, scope.Now), scope.Account, scope.Now);

    /// <summary>
    /// The slots an evaluation reads in <paramref name="scope"/>, in order, repeats included: the same sequence the
    /// compiled closures read, since the terms and short-circuits are the same.
    /// </summary>
    public int[] ReadSequence(EvaluationScope scope)
    {
        var record = new List<int>();
        Evaluate(new RecordingReads(record, scope.Windows, scope.Now), scope.Account, scope.Now);
        return [.. record];
    }

    private int Evaluate<TReads>(TReads reads, AccountFacts account, long now) where TReads : struct, ISlotReads
    {
        var holds = 0;
        if (CapabilityConcentration(reads, account, now))
            holds |= 1 << 0;
        if (ChallengeFailures(reads))
            holds |= 1 << 1;
        if (CotElicitation(reads, account, now))
            holds |= 1 << 2;
        if (ModelPivot(reads, account, now))
            holds |= 1 << 3;
        if (RegionMismatch(reads))
            holds |= 1 << 4;
        return holds;
    }

    private bool CapabilityConcentration<TReads>(TReads reads, AccountFacts account, long now) where TReads : struct, ISlotReads =>
        reads.Read(slots.CountRequest1d) >= 1000
        && reads.Read(slots.ShareReasoning1d) + reads.Read(slots.ShareCoding1d) + reads.Read(slots.ShareToolUse1d) >= 0.9
        && reads.Read(slots.DistinctTemplate1d) <= 3
        && account.AgeSeconds(now) < Days90;

    private bool ChallengeFailures<TReads>(TReads reads) where TReads : struct, ISlotReads =>
        reads.Read(slots.CountChallengeFailed1d) >= 3;

    private bool CotElicitation<TReads>(TReads reads, AccountFacts account, long now) where TReads : struct, ISlotReads =>
        reads.Read(slots.CountRequest1h) >= 200
        && reads.Read(slots.AvgCot1h) >= 0.8
        && account.AgeSeconds(now) < Days30
        && !account.Verified;

    private bool ModelPivot<TReads>(TReads reads, AccountFacts account, long now) where TReads : struct, ISlotReads =>
        reads.Read(slots.CountNewModel1d) >= 300
        && reads.Read(slots.CountNewModel1d) >= 0.5 * reads.Read(slots.CountRequest1d)
        && reads.Read(slots.AvgCot1d) >= 0.7
        && account.AgeSeconds(now) < Days30;

    private bool RegionMismatch<TReads>(TReads reads) where TReads : struct, ISlotReads =>
        reads.Read(slots.CountRequest1d) >= 300
        && reads.Read(slots.CountRegionMismatch1d) >= 0.8 * reads.Read(slots.CountRequest1d)
        && reads.Read(slots.ShareReasoning1d) + reads.Read(slots.ShareCoding1d) >= 0.7;
}
