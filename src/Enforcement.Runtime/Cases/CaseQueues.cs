using System.Collections.Frozen;

namespace Enforcement.Runtime.Cases;

/// <summary>One queue's rules, from configuration: whether an overturn of a suspension needs a second reviewer, and its deadline.</summary>
/// <param name="Deadline">How long a case may wait in this queue; null takes the priority's.</param>
public sealed record QueueRules(string Name, bool FourEyes, TimeSpan? Deadline);

/// <summary>The rules of every queue; a queue not configured has no four-eyes rule and its priority's deadline.</summary>
public sealed class CaseQueues
{
    /// <summary>Where appeals go unless the caller names a queue.</summary>
    public const string Appeals = "appeals";

    private readonly FrozenDictionary<string, QueueRules> queues;

    public CaseQueues(IEnumerable<QueueRules> queues) =>
        this.queues = queues.ToFrozenDictionary(q => q.Name, StringComparer.Ordinal);

    public static CaseQueues None { get; } = new([]);

    public bool FourEyes(string queue) => queues.TryGetValue(queue, out var rules) && rules.FourEyes;

    /// <summary>How long a case of <paramref name="priority"/> may wait in <paramref name="queue"/> before it is raised.</summary>
    public TimeSpan DeadlineOf(string queue, string priority) =>
        queues.TryGetValue(queue, out var rules) && rules.Deadline is { } deadline
            ? deadline
            : priority switch
            {
                "urgent" => TimeSpan.FromHours(1),
                "high" => TimeSpan.FromHours(4),
                "low" => TimeSpan.FromDays(3),
                _ => TimeSpan.FromDays(1),
            };
}
