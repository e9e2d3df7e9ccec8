using System.Security.Cryptography;
using System.Text;

namespace Enforcement.Runtime.Audit;

/// <summary>
/// Decision ids are derived from what the decision did, not handed out by a counter: the same subject, policy, rung and
/// time always name the same decision, so that a replay, another silo and an enforcement reason agree on it without
/// storing a map from actions to decisions.
/// </summary>
public static class DecisionIds
{
    /// <summary>The id of the climb or renewal that took actions of <paramref name="rung"/> at <paramref name="takenAt"/>.</summary>
    public static string Taking(string subject, string policy, int rung, DateTimeOffset takenAt) =>
        Of(subject, policy, "take", rung, takenAt);

    /// <summary>The id of any other change: an expiry, a step down, a take-effect, a lift.</summary>
    public static string Of(string subject, string policy, string kind, int rung, DateTimeOffset at)
    {
        var text = $"{subject}\n{policy}\n{kind}\n{rung}\n{at.UtcTicks}";
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return "d-" + Convert.ToHexStringLower(digest[..8]);
    }
}
