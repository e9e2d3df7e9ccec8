using System.Collections.Immutable;

namespace Enforcement.Policy.Loading;

/// <summary>Reads the shape of a policy file; its ladder and tests have readers of their own.</summary>
internal static class PolicyReader
{
    public static readonly ImmutableArray<string> Fields =
    [
        "apiVersion", "kind", "id", "version", "title", "owner", "severity", "scope", "mode", "when", "ladder",
        "cooldown", "decay", "tests", "description",
    ];

    public static RawPolicy Read(MappingNode root, string text, List<Diagnostic> errors)
    {
        var fields = new FieldReader(root, errors);
        fields.RejectUnknown(Fields);
        var id = fields.Scalar("id", required: true);
        var version = fields.Scalar("version", required: true);
        var title = fields.Scalar("title", required: true);
        var owner = fields.Scalar("owner", required: true);
        var severity = fields.Scalar("severity", required: true);
        var scope = fields.Scalar("scope", required: true);
        var mode = fields.Scalar("mode");
        var when = fields.ScalarNodeOf("when", required: true);
        var ladder = fields.List("ladder", "a list of rungs", required: true);
        var cooldown = fields.Scalar("cooldown");
        var decay = fields.Scalar("decay");
        var tests = fields.List("tests", "a list of tests");
        // Only reviewers read the description; it is read here to check that it is text.
        fields.Scalar("description");
        return new RawPolicy(
            id,
            version,
            title,
            owner,
            severity,
            scope,
            mode,
            when is null ? null : RawScalar.From(when),
            when is null || when.IsNull ? null : ConditionTextBuilder.Build(when, text),
            LadderReader.Read(ladder, errors),
            ladder?.At,
            cooldown,
            decay,
            NodeLists.Mappings(tests, "tests", "a test with name, subject, signals and expect", errors, t => PolicyTestReader.Read(t, errors)),
            root.At);
    }
}
