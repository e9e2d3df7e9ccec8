using System.Text.Json;
using Enforcement.Store.Cases;

namespace Enforcement.Runtime.Cases;

/// <summary>A case as the store keeps it: its JSON, and beside it the columns the queue is filtered and ordered by.</summary>
public static class CaseDocument
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static StoredCase ToStored(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return new StoredCase(
            @case.Id,
            @case.Kind,
            @case.Queue,
            @case.Status,
            CasePriorities.Rank(@case.Priority),
            @case.Deadline,
            @case.Due,
            @case.Subject,
            @case.Account,
            [.. @case.Decisions.Select(d => d.Policy?.Id).OfType<string>().Distinct(StringComparer.Ordinal)],
            @case.Version,
            JsonSerializer.Serialize(@case, Json));
    }

    public static Case FromStored(StoredCase stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return JsonSerializer.Deserialize<Case>(stored.Body, Json) ?? throw new InvalidDataException($"Case {stored.Id} has no body.");
    }
}
