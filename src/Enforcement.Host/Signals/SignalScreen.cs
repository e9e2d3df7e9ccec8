using System.Collections.Immutable;
using System.Text.Json;
using Enforcement.Policy.Catalog;
using Enforcement.Runtime.Signals;
using FluentValidation;

namespace Enforcement.Host.Signals;

/// <summary>
/// Checks every item of a batch at the edge and sorts those that pass by account, each account's in batch order. An
/// id sent twice in one batch is a duplicate when both items say the same, and the second is rejected when they differ.
/// </summary>
public sealed class SignalScreen(IValidator<SignalItem> validator)
{
    public ScreenedBatch Screen(IReadOnlyList<JsonElement> items, SignalCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(items);
        var rejected = ImmutableArray.CreateBuilder<SignalRejection>();
        var duplicates = 0;
        var firstById = new Dictionary<string, (int Index, SignalInput Signal)>(StringComparer.Ordinal);
        var byAccount = new Dictionary<string, ImmutableArray<SignalInput>.Builder>(StringComparer.Ordinal);
        var accounts = new List<string>();
        for (var index = 0; index < items.Count; index++)
        {
            var item = SignalItemReader.Read(index, items[index], catalog, now);
            var check = validator.Validate(item);
            if (!check.IsValid)
            {
                rejected.Add(new SignalRejection(index, item.Id ?? "", check.Errors[0].ErrorMessage));
                continue;
            }
            var signal = ToInput(item);
            if (firstById.TryGetValue(signal.Id, out var first))
            {
                if (SameContent(first.Signal, signal))
                    duplicates++;
                else
                    rejected.Add(new SignalRejection(index, signal.Id, $"id: also at index {first.Index} of this batch, with other content"));
                continue;
            }
            firstById.Add(signal.Id, (index, signal));
            if (!byAccount.TryGetValue(signal.Account, out var signals))
            {
                signals = ImmutableArray.CreateBuilder<SignalInput>();
                byAccount.Add(signal.Account, signals);
                accounts.Add(signal.Account);
            }
            signals.Add(signal);
        }
        return new ScreenedBatch(
            [.. accounts.Select(a => new AccountSignals(a, byAccount[a].ToImmutable()))],
            duplicates,
            rejected.ToImmutable());
    }

    private static SignalInput ToInput(SignalItem item) => new(
        item.Index,
        item.Id!,
        item.Account!,
        item.Type!,
        item.Category is null ? item.Number ?? 1 : 1,
        item.Category,
        item.At,
        item.Attrs is { Count: > 0 } ? item.Attrs : null);

    private static bool SameContent(SignalInput a, SignalInput b) =>
        a.Account == b.Account
        && a.Type == b.Type
        && a.Value.Equals(b.Value)
        && a.Category == b.Category
        && a.At == b.At
        && SameAttrs(a.Attrs, b.Attrs);

    private static bool SameAttrs(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0)
        && (a is null || a.All(kv => b!.TryGetValue(kv.Key, out var v) && v == kv.Value));
}

/// <summary>A batch after the edge's checks: what goes to each account's grain, and what never will.</summary>
/// <param name="Duplicates">Items repeating an earlier item of the same batch word for word.</param>
public sealed record ScreenedBatch(ImmutableArray<AccountSignals> Accounts, int Duplicates, ImmutableArray<SignalRejection> Rejected);

/// <summary>One account's signals of a batch, in the order the batch gave them.</summary>
public sealed record AccountSignals(string Account, ImmutableArray<SignalInput> Signals);
