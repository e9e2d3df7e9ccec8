namespace Enforcement.Host.Tests.Process;

/// <summary>API keys a process-level test configures through environment variables, one per role.</summary>
public static class Keys
{
    public const string Automation = "e2e-automation-key-0123456789";
    public const string PolicyAuthor = "e2e-policy-author-key-0123456789";
    public const string Reviewer = "e2e-reviewer-key-0123456789";

    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["Enforcement__ApiKeys__0__Key"] = Automation,
        ["Enforcement__ApiKeys__0__Role"] = "automation",
        ["Enforcement__ApiKeys__0__Name"] = "gateway",
        ["Enforcement__ApiKeys__1__Key"] = PolicyAuthor,
        ["Enforcement__ApiKeys__1__Role"] = "policy-author",
        ["Enforcement__ApiKeys__1__Name"] = "author",
        ["Enforcement__ApiKeys__2__Key"] = Reviewer,
        ["Enforcement__ApiKeys__2__Role"] = "reviewer",
        ["Enforcement__ApiKeys__2__Name"] = "reviewer",
    };
}
