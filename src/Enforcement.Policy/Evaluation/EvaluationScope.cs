using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Evaluation;

/// <summary>
/// Everything a compiled condition reads about one subject at one instant. Owned by the subject and reused for
/// every evaluation, so that evaluating allocates nothing.
/// </summary>
public sealed class EvaluationScope(SubjectWindows windows)
{
    public SubjectWindows Windows { get; set; } = windows;

    public AccountFacts Account { get; set; } = AccountFacts.Unknown;

    /// <summary>Event time of the evaluation, UTC ticks.</summary>
    public long Now { get; set; }
}
