using System.Collections.Immutable;

namespace Enforcement.Policy.Loading;

/// <summary>Reads the shape of one entry of a policy's <c>tests:</c>.</summary>
internal static class PolicyTestReader
{
    private static readonly ImmutableArray<string> Fields = ["name", "subject", "start", "accounts", "signals", "expect"];

    private static readonly ImmutableArray<string> AccountFields = ["age", "tier", "region", "verified"];

    private static readonly ImmutableArray<string> SignalFields = ["at", "type", "value", "account", "attrs", "every", "count", "spread"];

    private static readonly ImmutableArray<string> ExpectationFields = ["at", "state", "rung", "action", "rpm", "challenge"];

    public static RawPolicyTest Read(MappingNode test, List<Diagnostic> errors)
    {
        var fields = new FieldReader(test, errors);
        fields.RejectUnknown(Fields);
        var name = fields.Scalar("name", required: true);
        var subject = fields.Scalar("subject", required: true);
        var start = fields.Scalar("start");
        var accounts = fields.Mapping("accounts", "a mapping of account ids to accounts, like { a-1: { age: 3d } }");
        var signals = fields.List("signals", "a list of signals", required: true);
        var expect = fields.List("expect", "a list of expectations", required: true);
        return new RawPolicyTest(
            name,
            subject,
            start,
            ReadAccounts(accounts, errors),
            NodeLists.Mappings(signals, "signals", "a signal like { at: 0s, type: request }", errors, s => ReadSignal(s, errors)),
            NodeLists.Mappings(expect, "expect", "an expectation like { at: 1h, state: throttle }", errors, e => ReadExpectation(e, errors)),
            expect?.At ?? test.At,
            test.At);
    }

    private static ImmutableArray<RawTestAccount> ReadAccounts(MappingNode? accounts, List<Diagnostic> errors)
    {
        if (accounts is null)
            return [];
        var read = ImmutableArray.CreateBuilder<RawTestAccount>(accounts.Entries.Length);
        foreach (var (id, value) in accounts.Entries)
        {
            var mapping = value switch
            {
                MappingNode m => m,
                ScalarNode { IsNull: true } => new MappingNode([], value.At),
                _ => null,
            };
            if (mapping is null)
            {
                if (value is ErrorNode)
                    continue;
                errors.Add(new Diagnostic(value.At, $"account '{id.Value}' must be a mapping like {{ age: 3d, tier: free }}, but is {value.Describe()}"));
                continue;
            }
            var fields = new FieldReader(mapping, errors);
            fields.RejectUnknown(AccountFields);
            read.Add(new RawTestAccount(RawScalar.From(id), fields.Scalar("age"), fields.Scalar("tier"), fields.Scalar("region"), fields.Scalar("verified")));
        }
        return read.ToImmutable();
    }

    private static RawTestSignal ReadSignal(MappingNode signal, List<Diagnostic> errors)
    {
        var fields = new FieldReader(signal, errors);
        fields.RejectUnknown(SignalFields);
        return new RawTestSignal(
            fields.Scalar("at", required: true),
            fields.Scalar("type", required: true),
            fields.Scalar("value"),
            fields.Scalar("account"),
            ReadAttrs(fields.Mapping("attrs", "a mapping of attribute names to values, like { ip_prefix: 203.0.113.0/24 }"), errors),
            fields.Scalar("every"),
            fields.Scalar("count"),
            fields.Scalar("spread"),
            signal.At);
    }

    private static ImmutableArray<RawAttr> ReadAttrs(MappingNode? attrs, List<Diagnostic> errors)
    {
        if (attrs is null)
            return [];
        var read = ImmutableArray.CreateBuilder<RawAttr>(attrs.Entries.Length);
        foreach (var (key, value) in attrs.Entries)
        {
            if (value is ScalarNode scalar)
                read.Add(new RawAttr(RawScalar.From(key), RawScalar.From(scalar)));
            else if (value is not ErrorNode)
                errors.Add(new Diagnostic(value.At, $"attribute '{key.Value}' must be a single value, but is {value.Describe()}"));
        }
        return read.ToImmutable();
    }

    private static RawTestExpectation ReadExpectation(MappingNode expectation, List<Diagnostic> errors)
    {
        var fields = new FieldReader(expectation, errors);
        fields.RejectUnknown(ExpectationFields);
        return new RawTestExpectation(
            fields.Scalar("at", required: true),
            fields.Scalar("state"),
            fields.Scalar("rung"),
            fields.Scalar("action"),
            fields.Scalar("rpm"),
            fields.Scalar("challenge"),
            expectation.At);
    }
}
