using System.Collections.Immutable;

namespace Enforcement.Host.Auth;

/// <summary>What a caller may do. Each role is also the name of the authorization policy that admits it (and admin).</summary>
public static class Roles
{
    public const string Automation = "automation";
    public const string PolicyAuthor = "policy-author";
    public const string Reviewer = "reviewer";
    public const string Admin = "admin";

    public static readonly ImmutableArray<string> All = [Automation, PolicyAuthor, Reviewer, Admin];
}
