namespace Enforcement.Store.Cases;

/// <summary>How one policy's decisions fared with reviewers: climbs it took, appeals against them, and their outcomes.</summary>
public sealed record PolicyCaseCounts(string Policy, long Decisions, long Appealed, long Overturned, long Upheld);
