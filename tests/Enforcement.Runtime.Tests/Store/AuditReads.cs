using Enforcement.Store.Audit;
using Enforcement.Store.Journal;

namespace Enforcement.Runtime.Tests.Store;

public sealed class AuditReads
{
    // Ordinal order: upper case before lower case, "a-10" before "a-9", "é" after every ASCII letter.
    private static readonly string[] Subjects =
        ["account:é", "account:a-9", "entity:payment:9f3a", "account:B", "account:a-10", "account:a"];

    [Fact]
    public async Task The_tail_is_the_subjects_highest_seq_and_null_for_a_subject_without_records()
    {
        await using var file = await StoreFile.OpenAsync();
        await AppendAsync(file, "account:a-1", 3);
        await AppendAsync(file, "account:a-10", 5);

        Assert.Equal(Sample.Audit("account:a-1", 3), await file.Store.ReadAuditTailAsync("account:a-1"));
        Assert.Null(await file.Store.ReadAuditTailAsync("account:a-2"));
    }

    [Fact]
    public async Task Pages_through_a_chain_after_a_seq_with_a_limit()
    {
        await using var file = await StoreFile.OpenAsync();
        await AppendAsync(file, "account:a-1", 25);
        await AppendAsync(file, "account:a-2", 3);

        var pages = new List<long[]>();
        long after = 0;
        while (true)
        {
            var page = await file.Store.ReadAuditAsync("account:a-1", after, 10);
            if (page.IsEmpty)
            {
                break;
            }

            pages.Add([.. page.Select(r => r.Seq)]);
            after = page[^1].Seq;
        }

        Assert.Equal([10, 10, 5], pages.Select(p => p.Length));
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), pages.SelectMany(p => p));
    }

    [Fact]
    public async Task Reads_every_chain_by_subject_in_ordinal_order_then_seq_even_when_written_interleaved()
    {
        await using var file = await StoreFile.OpenAsync();
        for (var seq = 1; seq <= 3; seq++)
        {
            await Task.WhenAll(Subjects.Select(s => file.Store.CommitAsync(new Commit(null, [], [Sample.Audit(s, seq)], [], null))));
        }

        var all = await file.Store.ReadAllAuditAsync().ToListAsync();

        var expected = Subjects.Order(StringComparer.Ordinal).SelectMany(s => Enumerable.Range(1, 3).Select(seq => Sample.Audit(s, seq)));
        Assert.Equal(expected, all);
        Assert.Equal(
            Enumerable.Range(1, 3).Select(seq => Sample.Audit("account:a-10", seq)),
            await file.Store.ReadAllAuditAsync("account:a-10").ToListAsync());
    }

    [Fact]
    public async Task Reads_every_chain_exactly_as_stored_with_its_gaps_and_edits()
    {
        await using var file = await StoreFile.OpenAsync();
        await AppendAsync(file, "account:a-1", 4);

        file.Execute("DELETE FROM audit WHERE subject = 'account:a-1' AND seq = 2");
        file.Execute("UPDATE audit SET body = 'rewritten' WHERE subject = 'account:a-1' AND seq = 3");
        var all = await file.Store.ReadAllAuditAsync().ToListAsync();

        Assert.Equal([1, 3, 4], all.Select(r => r.Seq));
        Assert.Equal("rewritten", all[1].Body);
        Assert.Equal(Sample.Audit("account:a-1", 3).Hash, all[1].Hash);
    }

    [Fact]
    public async Task Chain_heads_are_the_last_record_of_each_chain_in_ordinal_order()
    {
        await using var file = await StoreFile.OpenAsync();
        for (var i = 0; i < Subjects.Length; i++)
        {
            await AppendAsync(file, Subjects[i], i + 1);
        }

        var heads = await file.Store.ReadChainHeadsAsync().ToListAsync();

        var expected = Subjects
            .Select((s, i) => new ChainHead(s, i + 1, Sample.Audit(s, i + 1).Hash))
            .OrderBy(h => h.Subject, StringComparer.Ordinal);
        Assert.Equal(expected, heads);
    }

    [Fact]
    public async Task There_are_no_chain_heads_before_any_record()
    {
        await using var file = await StoreFile.OpenAsync();

        Assert.Empty(await file.Store.ReadChainHeadsAsync().ToListAsync());
    }

    private static async Task AppendAsync(StoreFile file, string subject, int count)
    {
        for (var seq = 1; seq <= count; seq++)
        {
            await file.Store.CommitAsync(new Commit(null, [], [Sample.Audit(subject, seq)], [], null));
        }
    }
}
