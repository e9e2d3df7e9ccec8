using Enforcement.Policy.Ladders;

namespace Enforcement.Benchmarks.Memory;

/// <summary>Copies of ladder states that share with the original only what every state shares: the definitions' actions.</summary>
internal static class LadderStates
{
    /// <summary>
    /// A state at rest is the one shared <see cref="LadderState.Initial"/> and costs a subject nothing but its slot in
    /// the array; any other state is the subject's own record, its actions array and its active actions.
    /// </summary>
    public static LadderState[] DeepCopy(IEnumerable<LadderState> states) =>
    [
        .. states.Select(state => ReferenceEquals(state, LadderState.Initial)
            ? state
            : state with { Actions = [.. state.Actions.Select(action => action with { })] }),
    ];
}
