namespace Enforcement.Runtime.Tests.Store;

public sealed class OutboxPositions
{
    [Fact]
    public async Task A_destination_never_delivered_to_is_at_zero()
    {
        await using var file = await StoreFile.OpenAsync();

        Assert.Equal(0, await file.Store.ReadPositionAsync("https://gateway.example/changes"));
    }

    [Fact]
    public async Task A_position_moves_forward_and_never_back()
    {
        await using var file = await StoreFile.OpenAsync();
        const string destination = "https://gateway.example/changes";

        Assert.Equal(5, await file.Store.AdvancePositionAsync(destination, 5));
        Assert.Equal(9, await file.Store.AdvancePositionAsync(destination, 9));
        Assert.Equal(9, await file.Store.AdvancePositionAsync(destination, 3));
        Assert.Equal(9, await file.Store.AdvancePositionAsync(destination, 9));

        Assert.Equal(9, await file.Store.ReadPositionAsync(destination));
    }

    [Fact]
    public async Task Each_destination_keeps_its_own_position()
    {
        await using var file = await StoreFile.OpenAsync();

        await file.Store.AdvancePositionAsync("https://a.example/changes", 4);
        await file.Store.AdvancePositionAsync("https://b.example/changes", 11);

        Assert.Equal(4, await file.Store.ReadPositionAsync("https://a.example/changes"));
        Assert.Equal(11, await file.Store.ReadPositionAsync("https://b.example/changes"));
    }

    [Fact]
    public async Task A_position_survives_reopening_the_file()
    {
        await using var file = await StoreFile.OpenAsync();
        await file.Store.AdvancePositionAsync("https://gateway.example/changes", 42);

        var store = await file.ReopenAsync();

        Assert.Equal(42, await store.ReadPositionAsync("https://gateway.example/changes"));
        Assert.Equal(1, file.Count("SELECT count(*) FROM outbox WHERE destination = 'https://gateway.example/changes' AND cursor = 42"));
    }

    [Fact]
    public async Task A_negative_cursor_is_refused()
    {
        await using var file = await StoreFile.OpenAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => file.Store.AdvancePositionAsync("https://gateway.example/changes", -1));
    }
}
