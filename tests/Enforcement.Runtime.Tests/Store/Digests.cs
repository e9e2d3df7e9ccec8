using System.Text.Json;
using Enforcement.Store.Audit;

namespace Enforcement.Runtime.Tests.Store;

public sealed class Digests
{
    private static readonly AuditDigest First = new(
        0,
        Sample.Noon,
        7,
        "root-1",
        [new ChainHead("account:a-1", 4, "hash-a-1-4"), new ChainHead("account:a-2", 3, "hash-a-2-3")]);

    [Fact]
    public async Task The_latest_digest_reads_back_as_it_was_saved_with_the_id_the_store_gave_it()
    {
        await using var file = await StoreFile.OpenAsync();
        var second = First with { At = Sample.Noon.AddHours(1), Records = 9, Root = "root-2", Heads = [new ChainHead("account:a-1", 9, "hash-a-1-9")] };

        var saved1 = await file.Store.SaveDigestAsync(First);
        var saved2 = await file.Store.SaveDigestAsync(second);
        var latest = await (await file.ReopenAsync()).ReadLatestDigestAsync();

        Assert.True(saved1.Id > 0);
        Assert.True(saved2.Id > saved1.Id);
        Assert.NotNull(latest);
        Assert.Equal((saved2.Id, second.At, second.Records, second.Root), (latest.Id, latest.At, latest.Records, latest.Root));
        Assert.Equal<ChainHead>(second.Heads, latest.Heads);
    }

    [Fact]
    public async Task A_digest_is_stored_as_json_with_its_heads_as_an_array_of_subject_seq_and_hash()
    {
        await using var file = await StoreFile.OpenAsync();

        await file.Store.SaveDigestAsync(First);

        using var body = JsonDocument.Parse((string)file.Scalar("SELECT body FROM digests")!);
        var head = body.RootElement.GetProperty("heads")[1];
        Assert.Equal(("account:a-2", 3, "hash-a-2-3"), (head.GetProperty("subject").GetString(), head.GetProperty("seq").GetInt64(), head.GetProperty("hash").GetString()));
        Assert.Equal("root-1", body.RootElement.GetProperty("root").GetString());
    }

    [Fact]
    public async Task There_is_no_latest_digest_before_one_is_saved()
    {
        await using var file = await StoreFile.OpenAsync();

        Assert.Null(await file.Store.ReadLatestDigestAsync());
    }
}
