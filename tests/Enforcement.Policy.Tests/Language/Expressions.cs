using CsCheck;

namespace Enforcement.Policy.Tests.Language;

/// <summary>Generators of well-typed condition text over <see cref="TestCatalog.Default"/>, by type and depth.</summary>
public static class Expressions
{
    private static readonly Gen<string> NumberLeaf = Gen.OneOf(
        Gen.Int[0, 500].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.OneOf("0.5", "0.8", "0.25", "1.5"),
        Gen.OneOf(
            "count(request, 1h)",
            "count(capability, 1d)",
            "sum(output_tokens, 1d)",
            "avg(cot_elicitation, 1h)",
            "min(output_tokens, 10m)",
            "max(cot_elicitation, 3d)",
            "share(capability, \"coding\", 1d)",
            "distinct(ip_prefix, 1d)",
            "count(payment, 7d)"));

    private static readonly Gen<string> DurationLeaf = Gen.OneOf("account.age", "30d", "90s", "6h", "15m");

    private static readonly Gen<string> StringLeaf = Gen.OneOf("account.tier", "account.region", "\"free\"", "\"US\"");

    private static readonly Gen<string> BoolLeaf = Gen.OneOf("true", "false", "account.verified");

    public static Gen<string> Number(int depth) => depth == 0
        ? NumberLeaf
        : Gen.OneOf(
            NumberLeaf,
            Gen.Select(Number(depth - 1), Gen.OneOf("+", "-", "*", "/", "%"), Number(depth - 1), (a, op, b) => $"({a} {op} {b})"),
            Number(depth - 1).Select(a => $"-{a}"),
            Gen.Select(Duration(depth - 1), Duration(depth - 1), (a, b) => $"({a} / {b})"),
            Gen.Select(Bool(depth - 1), Number(depth - 1), Number(depth - 1), (c, a, b) => $"({c} ? {a} : {b})"));

    public static Gen<string> Duration(int depth) => depth == 0
        ? DurationLeaf
        : Gen.OneOf(
            DurationLeaf,
            Gen.Select(Duration(depth - 1), Gen.OneOf("+", "-"), Duration(depth - 1), (a, op, b) => $"({a} {op} {b})"),
            Gen.Select(Duration(depth - 1), Number(depth - 1), (a, b) => $"({a} * {b})"));

    public static Gen<string> String(int depth) => depth == 0
        ? StringLeaf
        : Gen.OneOf(
            StringLeaf,
            Gen.Select(String(depth - 1), String(depth - 1), (a, b) => $"({a} + {b})"));

    public static Gen<string> Bool(int depth) => depth == 0
        ? BoolLeaf
        : Gen.OneOf(
            BoolLeaf,
            Gen.Select(Number(depth - 1), Gen.OneOf("<", "<=", ">", ">=", "==", "!="), Number(depth - 1), (a, op, b) => $"{a} {op} {b}"),
            Gen.Select(Duration(depth - 1), Gen.OneOf("<", ">=", "=="), Duration(depth - 1), (a, op, b) => $"{a} {op} {b}"),
            Gen.Select(String(depth - 1), Gen.OneOf("==", "!="), String(depth - 1), (a, op, b) => $"{a} {op} {b}"),
            String(depth - 1).Select(a => $"{a} in [\"free\", \"pro\", \"US\"]"),
            Number(depth - 1).Select(a => $"{a} in [1, 2, 250]"),
            Bool(depth - 1).Select(a => $"!({a})"),
            Gen.Select(Bool(depth - 1), Gen.OneOf("&&", "||"), Bool(depth - 1), (a, op, b) => $"({a}) {op} ({b})"),
            Gen.Select(Bool(depth - 1), Bool(depth - 1), Bool(depth - 1), (c, a, b) => $"({c} ? {a} : {b})"));
}
