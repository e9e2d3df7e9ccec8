using System.Collections.Immutable;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Evaluation;
using Enforcement.Store.Journal;

namespace Enforcement.Runtime.Signals;

/// <summary>
/// One account's signals of a call, sorted into those to take, duplicates of signals already taken, and rejections
/// with their reasons. Nothing here touches the subject: only the accepted signals become a command.
/// </summary>
public sealed class SignalBatch
{
    private SignalBatch(ImmutableArray<SignalInput> accepted, ImmutableArray<SignalReceipt> receipts, int duplicates, ImmutableArray<SignalRejection> rejected)
    {
        Accepted = accepted;
        Receipts = receipts;
        Duplicates = duplicates;
        Rejected = rejected;
    }

    public ImmutableArray<SignalInput> Accepted { get; }

    public ImmutableArray<SignalReceipt> Receipts { get; }

    public int Duplicates { get; }

    public ImmutableArray<SignalRejection> Rejected { get; }

    /// <param name="known">Receipts already durable for some of the ids: a same-content retry is a duplicate, other content is rejected.</param>
    public static SignalBatch Prepare(
        string account,
        ImmutableArray<SignalInput> signals,
        SignalCatalog catalog,
        long accountCreated,
        IReadOnlyDictionary<string, SignalReceipt> known)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(known);
        var accepted = ImmutableArray.CreateBuilder<SignalInput>(signals.Length);
        var receipts = ImmutableArray.CreateBuilder<SignalReceipt>(signals.Length);
        var rejected = ImmutableArray.CreateBuilder<SignalRejection>();
        var duplicates = 0;
        Dictionary<string, byte[]>? seen = null;

        foreach (var signal in signals)
        {
            if (!string.Equals(signal.Account, account, StringComparison.Ordinal))
            {
                rejected.Add(new SignalRejection(signal.Index, signal.Id, $"signal of account '{signal.Account}' sent to account '{account}'"));
                continue;
            }
            var hash = SignalContent.Hash(signal);
            var prior = known.GetValueOrDefault(signal.Id);
            if (prior is null && seen is not null && seen.TryGetValue(signal.Id, out var earlier))
                prior = new SignalReceipt(signal.Id, account, earlier, signal.At.UtcTicks);
            if (prior is not null)
            {
                if (prior.ContentHash.AsSpan().SequenceEqual(hash) && string.Equals(prior.Account, account, StringComparison.Ordinal))
                    duplicates++;
                else
                    rejected.Add(new SignalRejection(signal.Index, signal.Id, "id already used by a signal with other content: a signal id names one signal, send a new id for a new signal"));
                continue;
            }
            if (!Observations.TryCreate(catalog, signal.Type, signal.Value, signal.Category, account, accountCreated,
                    signal.At.UtcTicks, signal.Attrs, out _, out var problem))
            {
                rejected.Add(new SignalRejection(signal.Index, signal.Id, problem));
                continue;
            }
            (seen ??= new Dictionary<string, byte[]>(StringComparer.Ordinal))[signal.Id] = hash;
            accepted.Add(signal);
            receipts.Add(new SignalReceipt(signal.Id, account, hash, signal.At.UtcTicks));
        }
        return new SignalBatch(accepted.ToImmutable(), receipts.ToImmutable(), duplicates, rejected.ToImmutable());
    }

    public IngestResult Result(ImmutableArray<DecisionView> decisions) =>
        new(Accepted.Length, Duplicates, Rejected, decisions);
}
