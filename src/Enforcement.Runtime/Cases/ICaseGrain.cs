namespace Enforcement.Runtime.Cases;

/// <summary>
/// One case, keyed by its id: it sequences what reviewers do to it and carries an outcome to the subject. The case
/// lives in the store; the grain reads it on every call, so that whichever silo holds the grain sees the latest.
/// </summary>
[Alias("enforcement.case-grain")]
public interface ICaseGrain : IGrainWithStringKey
{
    [Alias("claim")]
    Task<CaseChange> Claim(string reviewer);

    /// <summary>A reviewer upholds or overturns (or confirms another's overturn); a final outcome reaches the subject before the call returns.</summary>
    [Alias("decide")]
    Task<CaseChange> Decide(string reviewer, string outcome, string note);

    /// <summary>What the scheduler does for a case due by <paramref name="now"/>: raise it past its deadline, or finish carrying its outcome to the subject.</summary>
    [Alias("sweep")]
    Task Sweep(DateTimeOffset now);
}
