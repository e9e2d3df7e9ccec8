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

    /// <summary>The support desk's automation opens appeals, as a reviewer may for a customer on the phone.</summary>
    public const string AutomationOrReviewer = Automation + "|" + Reviewer;

    /// <summary>Policy quality is for the authors who fix policies and the reviewers who overturn them.</summary>
    public const string PolicyAuthorOrReviewer = PolicyAuthor + "|" + Reviewer;

    /// <summary>The policies admitting either of two roles (and admin), each named by its roles.</summary>
    public static readonly ImmutableArray<string> Pairs = [AutomationOrReviewer, PolicyAuthorOrReviewer];
}
