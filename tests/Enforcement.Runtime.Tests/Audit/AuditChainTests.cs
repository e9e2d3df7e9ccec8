using System.Collections.Immutable;
using System.Text.Json;
using Enforcement.Store.Audit;

namespace Enforcement.Runtime.Tests.Audit;

public sealed class AuditChainTests
{
    [Fact]
    public void Serializes_an_entry_as_compact_camel_case_json_in_a_fixed_order()
    {
        var body = AuditChain.Serialize(AuditEntries.Climb("account:a-42", 1));

        Assert.Equal(
            """{"decision":"account:a-42#1","subject":"account:a-42","seq":1,"at":"2026-02-20T12:01:00.0000000Z","policy":{"id":"cot.volume","version":3,"hash":"9f3a"},"kind":"climb","action":"throttle","from":"rung 0","to":"rung 1","effectiveAt":"2026-02-20T12:01:00.0000000Z","until":"2026-02-20T18:01:00.0000000Z","explanation":"count(request, 1h) >= 100 (count(request, 1h) = 101)","evidence":{"aggregates":{"count(request, 1h)":101},"signals":["s-1"]},"shadow":false,"actor":"system","inherited":null}""",
            body);
    }

    [Fact]
    public void Writes_empty_parts_as_null_so_every_body_has_the_same_shape()
    {
        var entry = AuditEntries.Climb("account:a-1", 1) with { Policy = null, Until = null, Explanation = null, Evidence = null };

        var body = AuditChain.Serialize(entry);

        Assert.Contains("\"policy\":null,", body, StringComparison.Ordinal);
        Assert.Contains("\"until\":null,\"explanation\":null,\"evidence\":null,", body, StringComparison.Ordinal);
        AssertSameEntry(entry, AuditChain.Deserialize(body));
    }

    [Fact]
    public void Writes_times_in_utc_whatever_offset_they_came_with()
    {
        var entry = AuditEntries.Climb("account:a-1", 1) with { At = new DateTimeOffset(2026, 2, 20, 14, 30, 0, TimeSpan.FromHours(2)) };

        var body = AuditChain.Serialize(entry);

        Assert.Contains("\"at\":\"2026-02-20T12:30:00.0000000Z\"", body, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, AuditChain.Deserialize(body).At.Offset);
    }

    [Fact]
    public void Writes_aggregates_in_ordinal_key_order_whatever_the_dictionary_sorts_by()
    {
        var reversed = Comparer<string>.Create((x, y) => string.CompareOrdinal(y, x));
        var aggregates = ImmutableSortedDictionary.CreateRange(reversed, [KeyValuePair.Create("b", 2.0), KeyValuePair.Create("B", 1.0), KeyValuePair.Create("a", 3.0)]);
        var entry = AuditEntries.Climb("account:a-1", 1) with { Evidence = new Evidence(aggregates, []) };

        var body = AuditChain.Serialize(entry);

        Assert.Contains("\"aggregates\":{\"B\":1,\"a\":3,\"b\":2}", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_not_a_number_and_infinities_as_strings_and_reads_them_back()
    {
        var aggregates = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [
            KeyValuePair.Create("avg", double.NaN),
            KeyValuePair.Create("max", double.PositiveInfinity),
            KeyValuePair.Create("min", double.NegativeInfinity),
        ]);
        var entry = AuditEntries.Climb("account:a-1", 1) with { Evidence = new Evidence(aggregates, []) };

        var body = AuditChain.Serialize(entry);

        Assert.Contains("\"aggregates\":{\"avg\":\"NaN\",\"max\":\"Infinity\",\"min\":\"-Infinity\"}", body, StringComparison.Ordinal);
        var read = AuditChain.Deserialize(body).Evidence!.Aggregates;
        Assert.True(double.IsNaN(read["avg"]));
        Assert.Equal(double.PositiveInfinity, read["max"]);
        Assert.Equal(double.NegativeInfinity, read["min"]);
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(1e21, "1E+21")]
    [InlineData(5e-324, "5E-324")]
    [InlineData(-0.0, "-0")]
    public void Writes_numbers_in_round_trip_form(double value, string expected)
    {
        var entry = AuditEntries.Climb("account:a-1", 1) with
        {
            Evidence = new Evidence(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("x", value)]), []),
        };

        var body = AuditChain.Serialize(entry);

        Assert.Contains($"\"aggregates\":{{\"x\":{expected}}}", body, StringComparison.Ordinal);
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(AuditChain.Deserialize(body).Evidence!.Aggregates["x"]));
    }

    [Fact]
    public void Reads_back_every_field_it_wrote()
    {
        var entry = AuditEntries.Climb("payment:9f3a", 7) with { Shadow = true, Actor = "reviewer:ana", Inherited = "payment:9f3a#2" };

        var read = AuditChain.Deserialize(AuditChain.Serialize(entry));

        AssertSameEntry(entry, read);
        Assert.Equal(AuditChain.Serialize(entry), AuditChain.Serialize(read));
    }

    [Fact]
    public void Keeps_characters_that_conditions_use_readable()
    {
        var entry = AuditEntries.Climb("account:a-1", 1) with { Explanation = "share(capability, 1d) > 0.5 && distinct(ip_prefix, 1h) >= 3 'é'" };

        var body = AuditChain.Serialize(entry);

        Assert.Contains("share(capability, 1d) > 0.5 && distinct(ip_prefix, 1h) >= 3 'é'", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"decision":"d","subject":"s","seq":"1"}""")]
    public void Refuses_a_body_that_is_not_an_entry(string body) =>
        Assert.ThrowsAny<JsonException>(() => AuditChain.Deserialize(body));

    [Fact]
    public void Refuses_a_body_that_says_its_seq_twice()
    {
        var body = AuditChain.Serialize(AuditEntries.Climb("account:a-1", 1)).Replace("\"seq\":1,", "\"seq\":1,\"seq\":2,", StringComparison.Ordinal);

        Assert.ThrowsAny<JsonException>(() => AuditChain.Deserialize(body));
    }

    [Fact]
    public void Hashes_prev_a_newline_and_the_body_as_lowercase_hex_sha256() =>
        Assert.Equal("7e18f737311b2dc3b2f269dd78396b0351f14fb66efa879f768cb23181883c78", AuditChain.HashOf("a", "b"));

    [Fact]
    public void Starts_a_chain_from_genesis()
    {
        var entry = AuditEntries.Climb("account:a-1", 1);

        var record = AuditChain.Append(null, entry);

        Assert.Equal(new AuditRecord("account:a-1", 1, AuditChain.Serialize(entry), AuditChain.Genesis, AuditChain.HashOf(AuditChain.Genesis, AuditChain.Serialize(entry))), record);
    }

    [Fact]
    public void Links_each_record_to_the_hash_of_the_one_before()
    {
        var first = AuditChain.Append(null, AuditEntries.Climb("account:a-1", 1));

        var second = AuditChain.Append(first, AuditEntries.Climb("account:a-1", 2));

        Assert.Equal(first.Hash, second.Prev);
        Assert.Equal(AuditChain.HashOf(first.Hash, second.Body), second.Hash);
        Assert.NotEqual(first.Hash, second.Hash);
    }

    [Fact]
    public void Refuses_an_entry_of_another_subject()
    {
        var tail = AuditChain.Append(null, AuditEntries.Climb("account:a-1", 1));

        Assert.Throws<ArgumentException>(() => AuditChain.Append(tail, AuditEntries.Climb("account:a-2", 2)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Refuses_an_entry_whose_seq_is_not_the_next(long seq)
    {
        var tail = AuditChain.Append(null, AuditEntries.Climb("account:a-1", 1));

        Assert.Throws<ArgumentException>(() => AuditChain.Append(tail, AuditEntries.Climb("account:a-1", seq)));
    }

    [Fact]
    public void Refuses_to_start_a_chain_at_another_seq_than_one() =>
        Assert.Throws<ArgumentException>(() => AuditChain.Append(null, AuditEntries.Climb("account:a-1", 2)));

    [Fact]
    public void Roots_the_heads_as_lines_of_subject_seq_and_hash()
    {
        var root = AuditChain.RootOf([new ChainHead("account:a-1", 2, "abc"), new ChainHead("payment:9f", 1, "def")]);

        // printf 'account:a-1 2 abc\npayment:9f 1 def\n' | sha256sum
        Assert.Equal("e02c6c875535bc6f301009111edd6a390cd5f792ae90f0eb95e2d2875e5ed01d", root);
    }

    [Fact]
    public void Roots_no_heads_as_the_hash_of_nothing() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", AuditChain.RootOf([]));

    private static void AssertSameEntry(AuditEntry expected, AuditEntry actual)
    {
        // Records compare their immutable collections by reference: compare those by content.
        Assert.Equal(expected with { Evidence = null }, actual with { Evidence = null });
        Assert.Equal(expected.Evidence?.Aggregates.ToArray(), actual.Evidence?.Aggregates.ToArray());
        Assert.Equal(expected.Evidence?.Signals.ToArray(), actual.Evidence?.Signals.ToArray());
    }
}
