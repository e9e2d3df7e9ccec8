using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Language.Syntax;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Language.Checking;

/// <summary>
/// First checking pass: binds every function call to a window aggregate over a catalog signal or attribute, every
/// <c>account.*</c> member to a profile field, and rejects names that mean nothing in this policy's scope.
/// </summary>
public sealed class NameResolution(SignalCatalog catalog, Scope scope, Problems problems)
{
    private static readonly Dictionary<string, AccountField> AccountFields = new(StringComparer.Ordinal)
    {
        ["age"] = AccountField.Age,
        ["tier"] = AccountField.Tier,
        ["region"] = AccountField.Region,
        ["verified"] = AccountField.Verified,
    };

    public Dictionary<FunctionCall, WindowRequest> Aggregates { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<Member, AccountField> Fields { get; } = new(ReferenceEqualityComparer.Instance);

    public void Run(Expr expr)
    {
        switch (expr)
        {
            case FunctionCall call:
                ResolveCall(call);
                break;
            case Member member:
                ResolveMember(member);
                break;
            case Identifier identifier:
                ReportBareName(identifier);
                break;
            case Unary unary:
                Run(unary.Operand);
                break;
            case Binary binary:
                Run(binary.Left);
                Run(binary.Right);
                break;
            case Conditional conditional:
                Run(conditional.Test);
                Run(conditional.Then);
                Run(conditional.Else);
                break;
            case ListLiteral list:
                foreach (var item in list.Items)
                    Run(item);
                break;
        }
    }

    private void ReportBareName(Identifier identifier)
    {
        if (catalog.Find(identifier.Name) is not null)
            problems.Add(identifier.Start, $"signal '{identifier.Name}' cannot stand alone: expected an aggregate over it, such as count({identifier.Name}, 1h)");
        else if (identifier.Name == "account")
            problems.Add(identifier.Start, "'account' cannot stand alone: expected a field such as account.age, account.tier, account.region or account.verified");
        else
            problems.Add(identifier.Start, $"unknown name '{identifier.Name}': expected an aggregate such as count(request, 1h), a field such as account.age, or a literal");
    }

    private void ResolveMember(Member member)
    {
        if (member.Target is not Identifier { Name: "account" })
        {
            problems.Add(member.Start, $"unknown field '{Text(member)}': expected account.age, account.tier, account.region or account.verified");
            return;
        }
        if (!AccountFields.TryGetValue(member.Name, out var field))
        {
            problems.Add(member.Start, $"unknown field 'account.{member.Name}': expected account.age, account.tier, account.region or account.verified{Suggestions.DidYouMean(member.Name, AccountFields.Keys)}");
            return;
        }
        if (scope != Scope.Account)
        {
            problems.Add(member.Start, $"'account.{member.Name}' is only for account-scoped policies; this policy's scope is {scope.Name()}");
            return;
        }
        Fields[member] = field;
    }

    private static string Text(Member member) => member.Target switch
    {
        Identifier identifier => $"{identifier.Name}.{member.Name}",
        _ => member.Name,
    };

    private void ResolveCall(FunctionCall call)
    {
        if (!Functions.ByName.TryGetValue(call.Function, out var kind))
        {
            // The arguments are not resolved: what they name depends on the function the author meant.
            problems.Add(call.Start, $"unknown function '{call.Function}': expected one of {string.Join(", ", Functions.ByName.Keys.Order(StringComparer.Ordinal))}{Suggestions.DidYouMean(call.Function, Functions.ByName.Keys)}");
            return;
        }
        if (call.Args.Length != kind.Arity())
        {
            problems.Add(call.Start, $"{call.Function} takes {kind.Arity()} argument{(kind.Arity() == 1 ? "" : "s")}, not {call.Args.Length}: expected {kind.Usage()}");
            return;
        }
        if (kind is AggregateKind.Members or AggregateKind.NewMembers && scope == Scope.Account)
        {
            problems.Add(call.Start, $"{call.Function} is only for entity and cluster scopes; this policy's scope is account");
            return;
        }

        var window = WindowOf(call.Args[^1], kind);
        var request = kind switch
        {
            AggregateKind.Members => window is { } w ? new WindowRequest(kind, w) : null,
            AggregateKind.NewMembers => ResolveNewMembers(call, kind, window),
            AggregateKind.Distinct => ResolveDistinct(call, kind, window),
            AggregateKind.Share => ResolveShare(call, kind, window),
            _ => ResolveSignalAggregate(call, kind, window),
        };
        if (request is not null)
            Aggregates[call] = request;
    }

    private WindowRequest? ResolveSignalAggregate(FunctionCall call, AggregateKind kind, TimeSpan? window)
    {
        var signal = SignalOf(call.Args[0], kind);
        return signal is { } s && window is { } w ? new WindowRequest(kind, w, Signal: s) : null;
    }

    private WindowRequest? ResolveShare(FunctionCall call, AggregateKind kind, TimeSpan? window)
    {
        var signal = SignalOf(call.Args[0], kind);
        if (call.Args[1] is not StringLiteral value)
        {
            problems.Add(call.Args[1].Start, "expected the category value as a string literal, such as \"coding\"");
            return null;
        }
        if (signal is not { } s || window is not { } w)
            return null;
        var definition = catalog.Signals[s];
        if (definition.Kind != SignalKind.Category)
        {
            problems.Add(call.Args[0].Start, $"share over '{definition.Name}', a {definition.Kind.ToString().ToLowerInvariant()} signal: expected a category signal");
            return null;
        }
        var category = definition.CategoryIndex(value.Value);
        if (category < 0)
        {
            problems.Add(value.Start, $"\"{value.Value}\" is not a value of '{definition.Name}': expected one of {string.Join(", ", definition.Values)}{Suggestions.DidYouMean(value.Value, definition.Values)}");
            return null;
        }
        return new WindowRequest(kind, w, Signal: s, Category: category);
    }

    private WindowRequest? ResolveDistinct(FunctionCall call, AggregateKind kind, TimeSpan? window)
    {
        if (call.Args[0] is not Identifier name)
        {
            problems.Add(call.Args[0].Start, "expected an attribute name, such as distinct(ip_prefix, 1d)");
            return null;
        }
        var attribute = catalog.AttributeIndex(name.Name);
        if (attribute < 0)
        {
            problems.Add(name.Start, $"unknown attribute '{name.Name}': expected one of {string.Join(", ", catalog.Attributes)}{Suggestions.DidYouMean(name.Name, catalog.Attributes)}");
            return null;
        }
        return window is { } w ? new WindowRequest(kind, w, Attribute: attribute) : null;
    }

    private WindowRequest? ResolveNewMembers(FunctionCall call, AggregateKind kind, TimeSpan? window)
    {
        if (call.Args[0] is not DurationLiteral age)
        {
            problems.Add(call.Args[0].Start, "expected the age as a duration literal, such as new_members(7d, 1d)");
            return null;
        }
        return window is { } w ? new WindowRequest(kind, w, Age: age.Value) : null;
    }

    private int? SignalOf(Expr arg, AggregateKind kind)
    {
        if (arg is not Identifier name)
        {
            problems.Add(arg.Start, $"expected a signal name as the first argument: {kind.Usage()}");
            return null;
        }
        if (catalog.TryGetSignal(name.Name, out var index, out _))
            return index;
        problems.Add(name.Start, $"unknown signal '{name.Name}': expected a signal of the catalog ({string.Join(", ", catalog.Signals.Select(s => s.Name))}){Suggestions.DidYouMean(name.Name, catalog.Signals.Select(s => s.Name))}");
        return null;
    }

    private TimeSpan? WindowOf(Expr arg, AggregateKind kind)
    {
        if (arg is not DurationLiteral literal)
        {
            problems.Add(arg.Start, $"expected the window as a duration literal such as 1h: {kind.Usage()}");
            return null;
        }
        if (!Resolution.TryGetWidth(literal.Value, out _, out var problem))
        {
            problems.Add(arg.Start, problem);
            return null;
        }
        return literal.Value;
    }
}
