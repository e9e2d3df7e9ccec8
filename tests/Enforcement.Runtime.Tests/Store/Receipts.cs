using Enforcement.Store.Journal;

namespace Enforcement.Runtime.Tests.Store;

public sealed class Receipts
{
    [Fact]
    public async Task Finds_10_000_ids_in_one_call_and_leaves_out_those_never_received()
    {
        await using var file = await StoreFile.OpenAsync();
        var ids = Sample.Ids("s", 10_000);
        await Task.WhenAll(ids.Chunk(250).Select(chunk => file.Store.CommitAsync(Sample.Receipts(chunk))));

        var found = await file.Store.FindReceiptsAsync([.. ids, .. Sample.Ids("never", 100)]);

        Assert.Equal(10_000, found.Count);
        Assert.All(ids, id => Assert.Equal(Sample.Receipt(id).ContentHash, found[id].ContentHash));
    }

    [Fact]
    public async Task Finds_ids_with_quotes_backslashes_and_other_scripts_exactly()
    {
        await using var file = await StoreFile.OpenAsync();
        string[] odd = ["he said \"hi\"", @"C:\signals\1", "ünïcödé-信号", "tab\there", "S-1"];
        await file.Store.CommitAsync(Sample.Receipts(odd));

        var found = await file.Store.FindReceiptsAsync([.. odd, "s-1", "ünïcödé"]);

        Assert.Equal(odd.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Finding_no_ids_answers_nothing()
    {
        await using var file = await StoreFile.OpenAsync();
        await file.Store.CommitAsync(Sample.Receipts("s-1"));

        Assert.Empty(await file.Store.FindReceiptsAsync([]));
    }

    [Fact]
    public async Task A_receipt_keeps_its_account_hash_and_time()
    {
        await using var file = await StoreFile.OpenAsync();
        var receipt = new SignalReceipt("s-1", "a-42", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], 638_760_000_000_000_000);
        await file.Store.CommitAsync(new Commit(null, [receipt], [], [], null));

        var found = (await file.Store.FindReceiptsAsync(["s-1"]))["s-1"];

        Assert.Equal((receipt.Id, receipt.Account, receipt.At), (found.Id, found.Account, found.At));
        Assert.Equal(receipt.ContentHash, found.ContentHash);
    }
}
