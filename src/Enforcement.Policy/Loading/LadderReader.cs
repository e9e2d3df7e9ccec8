using System.Collections.Immutable;
using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Loading;

/// <summary>
/// Reads the shape of a ladder. A rung is a mapping of action names to their parameters, plus an optional
/// <c>delay</c>; an action without parameters may stand alone as a bare name (<c>- observe</c>).
/// </summary>
internal static class LadderReader
{
    private const string RungExample = "an action or a mapping of actions, like - throttle: { rpm: 20 }";

    private static readonly string ActionsOrDelay = $"{Vocabulary.OneOf(Vocabulary.Actions)} or delay";

    public static ImmutableArray<RawRung> Read(SequenceNode? ladder, List<Diagnostic> errors)
    {
        if (ladder is null)
            return [];
        var rungs = ImmutableArray.CreateBuilder<RawRung>(ladder.Items.Length);
        foreach (var item in ladder.Items)
        {
            switch (item)
            {
                case MappingNode mapping:
                    rungs.Add(ReadRung(mapping, errors));
                    break;
                case ScalarNode { IsNull: false } bare:
                    var action = ReadBareAction(bare, errors);
                    rungs.Add(new RawRung(action is null ? [] : [action], null, bare.At, ActionsWritten: 1));
                    break;
                default:
                    if (item is not ErrorNode)
                        errors.Add(new Diagnostic(item.At, $"a rung must be {RungExample}, but is {item.Describe()}"));
                    // Still a rung of the ladder's length, with its one error already said.
                    rungs.Add(new RawRung([], null, item.At, ActionsWritten: 1));
                    break;
            }
        }
        return rungs.ToImmutable();
    }

    private static RawRung ReadRung(MappingNode rung, List<Diagnostic> errors)
    {
        var actions = ImmutableArray.CreateBuilder<RawAction>();
        RawScalar? delay = null;
        var written = 0;
        foreach (var (key, value) in rung.Entries)
        {
            if (key.Value == "delay")
            {
                if (value is ScalarNode scalar)
                    delay = RawScalar.From(scalar);
                else if (value is not ErrorNode)
                    errors.Add(new Diagnostic(value.At, $"'delay' must be a single value like 10m..2h, but is {value.Describe()}"));
            }
            else if (TryActionKind(key.Value, out var kind))
            {
                written++;
                if (ReadAction(kind, key, value, errors) is { } action)
                    actions.Add(action);
            }
            else
            {
                written++;
                errors.Add(new Diagnostic(key.At, $"unknown action '{key.Value}': expected one of {ActionsOrDelay}"));
            }
        }
        return new RawRung(actions.ToImmutable(), delay, rung.At, written);
    }

    private static RawAction? ReadBareAction(ScalarNode bare, List<Diagnostic> errors)
    {
        if (!TryActionKind(bare.Value, out var kind))
        {
            errors.Add(new Diagnostic(bare.At, $"unknown action '{bare.Value}': expected one of {Vocabulary.OneOf(Vocabulary.Actions)}"));
            return null;
        }
        // A bare name is the action with no parameters: read it as an empty mapping so required ones are reported.
        return ReadAction(kind, bare, new MappingNode([], bare.At), errors);
    }

    private static RawAction? ReadAction(ActionKind kind, ScalarNode name, SourceNode parameters, List<Diagnostic> errors)
    {
        if (parameters is ErrorNode)
            return null;
        var mapping = parameters switch
        {
            MappingNode m => m,
            ScalarNode { IsNull: true } => new MappingNode([], name.At),
            _ => null,
        };
        if (mapping is null)
        {
            errors.Add(new Diagnostic(parameters.At, $"'{name.Value}' must be a mapping of its parameters, like {Example(kind)}, but is {parameters.Describe()}"));
            return null;
        }
        var fields = new FieldReader(mapping, errors, name.Value);
        switch (kind)
        {
            case ActionKind.Observe:
                fields.RejectUnknown([]);
                return new RawAction(kind, name.At);
            case ActionKind.Throttle:
                fields.RejectUnknown(["rpm", "for"]);
                return new RawAction(kind, name.At, For: fields.Scalar("for"), Rpm: fields.Scalar("rpm", required: true));
            case ActionKind.Challenge:
                fields.RejectUnknown(["kind", "for"]);
                return new RawAction(kind, name.At, For: fields.Scalar("for"), Challenge: fields.Scalar("kind", required: true));
            case ActionKind.Suspend:
                fields.RejectUnknown(["for"]);
                return new RawAction(kind, name.At, For: fields.Scalar("for"));
            default:
                fields.RejectUnknown(["queue", "priority"]);
                return new RawAction(kind, name.At, Queue: fields.Scalar("queue", required: true), Priority: fields.Scalar("priority"));
        }
    }

    private static bool TryActionKind(string name, out ActionKind kind)
    {
        kind = name switch
        {
            "observe" => ActionKind.Observe,
            "throttle" => ActionKind.Throttle,
            "challenge" => ActionKind.Challenge,
            "suspend" => ActionKind.Suspend,
            "escalate" => ActionKind.Escalate,
            _ => (ActionKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    private static string Example(ActionKind kind) => kind switch
    {
        ActionKind.Throttle => "throttle: { rpm: 20, for: 6h }",
        ActionKind.Challenge => "challenge: { kind: identity }",
        ActionKind.Suspend => "suspend: { for: 30d }",
        ActionKind.Escalate => "escalate: { queue: threat-intel, priority: high }",
        _ => "observe: {}",
    };
}
