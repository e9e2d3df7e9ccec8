using System.Collections.Immutable;

namespace Enforcement.Runtime.Cases;

/// <summary>The priorities of the policy language (<c>escalate {priority}</c>), lowest first, and what raising one does.</summary>
public static class CasePriorities
{
    public static readonly ImmutableArray<string> All = ["low", "normal", "high", "urgent"];

    public const string Default = "normal";

    /// <summary>The rank the queue orders by; an unknown name ranks as <see cref="Default"/>.</summary>
    public static int Rank(string priority)
    {
        var index = All.IndexOf(priority);
        return index < 0 ? All.IndexOf(Default) : index;
    }

    /// <summary>One step up, as when a case passes its deadline; urgent stays urgent.</summary>
    public static string Raise(string priority) => All[Math.Min(Rank(priority) + 1, All.Length - 1)];
}
