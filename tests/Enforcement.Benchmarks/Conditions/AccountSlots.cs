using Enforcement.Policy;
using Enforcement.Policy.Catalog;

namespace Enforcement.Benchmarks.Conditions;

/// <summary>
/// The slot of every aggregate the shipped account conditions read, looked up once from the compiled conditions. A
/// struct, so that a holder keeps the numbers inline and reads them without an extra indirection.
/// </summary>
internal readonly record struct AccountSlots(
    int CountRequest1h,
    int AvgCot1h,
    int CountRequest1d,
    int ShareReasoning1d,
    int ShareCoding1d,
    int ShareToolUse1d,
    int DistinctTemplate1d,
    int CountChallengeFailed1d,
    int CountNewModel1d,
    int AvgCot1d,
    int CountRegionMismatch1d)
{
    public static AccountSlots Find(ScopeProgram program, SignalCatalog catalog)
    {
        var slots = new SlotDirectory(program, catalog);
        var (hour, day) = (TimeSpan.FromHours(1), TimeSpan.FromDays(1));
        return new AccountSlots(
            CountRequest1h: slots.Count("request", hour),
            AvgCot1h: slots.Avg("cot_elicitation", hour),
            CountRequest1d: slots.Count("request", day),
            ShareReasoning1d: slots.Share("capability", "reasoning", day),
            ShareCoding1d: slots.Share("capability", "coding", day),
            ShareToolUse1d: slots.Share("capability", "tool_use", day),
            DistinctTemplate1d: slots.Distinct("prompt_template", day),
            CountChallengeFailed1d: slots.Count("challenge_failed", day),
            CountNewModel1d: slots.Count("new_model_request", day),
            AvgCot1d: slots.Avg("cot_elicitation", day),
            CountRegionMismatch1d: slots.Count("region_mismatch", day));
    }
}
