using System.Text.Json.Nodes;
using Enforcement.Store.Audit;

namespace Enforcement.Runtime.Tests.Audit;

public sealed class AuditDigestsTests
{
    private static readonly DateTimeOffset At = new(2026, 2, 21, 0, 0, 0, TimeSpan.Zero);

    private readonly MemoryAuditLog log = new([.. AuditEntries.Chain("payment:9f3a", 2), .. AuditEntries.Chain("account:a-1", 3)]);

    [Fact]
    public async Task Takes_the_head_of_every_chain_in_subject_order_and_counts_their_records()
    {
        var digest = await AuditDigests.ComputeAsync(log, At, CancellationToken.None);

        Assert.Equal(0, digest.Id);
        Assert.Equal(At, digest.At);
        Assert.Equal(5, digest.Records);
        Assert.Equal(
            [new ChainHead("account:a-1", 3, log.Rows[4].Hash), new ChainHead("payment:9f3a", 2, log.Rows[1].Hash)],
            digest.Heads.ToArray());
        Assert.Equal(AuditChain.RootOf(digest.Heads), digest.Root);
    }

    [Fact]
    public async Task A_digest_of_an_empty_log_has_no_heads()
    {
        var digest = await AuditDigests.ComputeAsync(new MemoryAuditLog([]), At, CancellationToken.None);

        Assert.Equal((0L, AuditChain.RootOf([])), (digest.Records, digest.Root));
        Assert.Empty(digest.Heads);
    }

    [Fact]
    public async Task Writes_the_file_with_the_fields_an_operator_reads()
    {
        var digest = await AuditDigests.ComputeAsync(log, At, CancellationToken.None) with { Id = 7 };

        var json = JsonNode.Parse(AuditDigests.ToJson(digest))!;

        Assert.Equal(7, (long)json["id"]!);
        Assert.Equal("2026-02-21T00:00:00.0000000Z", (string)json["at"]!);
        Assert.Equal(5, (long)json["records"]!);
        Assert.Equal(digest.Root, (string)json["root"]!);
        Assert.Equal("account:a-1", (string)json["heads"]![0]!["subject"]!);
        Assert.Equal(3, (long)json["heads"]![0]!["seq"]!);
        Assert.Equal(log.Rows[4].Hash, (string)json["heads"]![0]!["hash"]!);
    }

    [Fact]
    public async Task Reads_back_the_digest_it_wrote()
    {
        var digest = await AuditDigests.ComputeAsync(log, At, CancellationToken.None) with { Id = 7 };

        var read = AuditDigests.FromJson(AuditDigests.ToJson(digest));

        Assert.Equal(digest with { Heads = [] }, read with { Heads = [] });
        Assert.Equal(digest.Heads.ToArray(), read.Heads.ToArray());
    }

    [Theory]
    [InlineData("seq", "the digest of 2026-02-21T00:00:00.0000000Z was edited: its root does not match its heads")]
    [InlineData("hash", "the digest of 2026-02-21T00:00:00.0000000Z was edited: its root does not match its heads")]
    [InlineData("records", "the digest of 2026-02-21T00:00:00.0000000Z was edited: it counts 4 records, its heads 5")]
    public async Task Rejects_a_file_edited_by_hand(string field, string message)
    {
        var json = JsonNode.Parse(AuditDigests.ToJson(await AuditDigests.ComputeAsync(log, At, CancellationToken.None)))!;
        switch (field)
        {
            case "seq": json["heads"]![0]!["seq"] = 2; break;
            case "hash": json["heads"]![1]!["hash"] = new string('0', 64); break;
            default: json["records"] = 4; break;
        }

        var error = Assert.Throws<FormatException>(() => AuditDigests.FromJson(json.ToJsonString()));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Rejects_a_file_that_dropped_a_head_even_with_its_count_fixed()
    {
        var json = JsonNode.Parse(AuditDigests.ToJson(await AuditDigests.ComputeAsync(log, At, CancellationToken.None)))!;
        json["heads"]!.AsArray().RemoveAt(1);
        json["records"] = 3;

        var error = Assert.Throws<FormatException>(() => AuditDigests.FromJson(json.ToJsonString()));

        Assert.Contains("its root does not match its heads", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "not a digest: ")]
    [InlineData("[]", "not a digest: expected a JSON object")]
    [InlineData("""{"id":1,"at":"2026-02-21T00:00:00.0000000Z","records":0,"root":"x"}""", "heads: missing")]
    [InlineData("""{"id":1,"at":"yesterday","records":0,"root":"x","heads":[]}""", "at: expected a round-trip (\"O\") time")]
    [InlineData("""{"id":1,"at":"2026-02-21T00:00:00.0000000Z","records":0,"root":"x","heads":[{"subject":"a","seq":"1","hash":"h"}]}""", "heads[0].seq: expected a whole number")]
    public void Rejects_a_file_that_is_not_a_digest(string json, string message)
    {
        var error = Assert.Throws<FormatException>(() => AuditDigests.FromJson(json));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Knows_a_consistent_digest_from_an_edited_one()
    {
        var digest = await AuditDigests.ComputeAsync(log, At, CancellationToken.None);

        Assert.True(AuditDigests.IsConsistent(digest));
        Assert.False(AuditDigests.IsConsistent(digest with { Records = 4 }));
        Assert.False(AuditDigests.IsConsistent(digest with { Heads = digest.Heads.RemoveAt(0) }));
    }
}
