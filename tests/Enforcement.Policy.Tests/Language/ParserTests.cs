using Enforcement.Policy.Language.Syntax;

namespace Enforcement.Policy.Tests.Language;

public sealed class ParserTests
{
    [Fact]
    public void And_binds_tighter_than_or()
    {
        var (root, problems) = Parser.Parse("a || b && c");

        Assert.Empty(problems);
        var or = Assert.IsType<Binary>(root);
        Assert.Equal(BinaryOp.Or, or.Op);
        Assert.Equal(BinaryOp.And, Assert.IsType<Binary>(or.Right).Op);
    }

    [Fact]
    public void Multiplication_binds_tighter_than_addition_and_comparison_looser_than_both()
    {
        var (root, problems) = Parser.Parse("1 + 2 * 3 >= 7");

        Assert.Empty(problems);
        var comparison = Assert.IsType<Binary>(root);
        Assert.Equal(BinaryOp.GreaterOrEqual, comparison.Op);
        var sum = Assert.IsType<Binary>(comparison.Left);
        Assert.Equal(BinaryOp.Add, sum.Op);
        Assert.Equal(BinaryOp.Multiply, Assert.IsType<Binary>(sum.Right).Op);
    }

    [Fact]
    public void Subtraction_is_left_associative()
    {
        var (root, _) = Parser.Parse("10 - 4 - 3");

        var outer = Assert.IsType<Binary>(root);
        Assert.Equal(3, Assert.IsType<NumberLiteral>(outer.Right).Value);
        Assert.Equal(BinaryOp.Subtract, Assert.IsType<Binary>(outer.Left).Op);
    }

    [Fact]
    public void Duration_literals_are_read_with_their_unit()
    {
        var (root, problems) = Parser.Parse("account.age < 30d");

        Assert.Empty(problems);
        var comparison = Assert.IsType<Binary>(root);
        Assert.Equal(TimeSpan.FromDays(30), Assert.IsType<DurationLiteral>(comparison.Right).Value);
        var member = Assert.IsType<Member>(comparison.Left);
        Assert.Equal("age", member.Name);
    }

    [Fact]
    public void Calls_keep_their_arguments_and_the_offsets_of_their_text()
    {
        const string text = "share(capability, \"coding\", 1d) > 0.5";
        var (root, problems) = Parser.Parse(text);

        Assert.Empty(problems);
        var call = Assert.IsType<FunctionCall>(Assert.IsType<Binary>(root).Left);
        Assert.Equal("share", call.Function);
        Assert.Equal(3, call.Args.Length);
        Assert.Equal("coding", Assert.IsType<StringLiteral>(call.Args[1]).Value);
        Assert.Equal("share(capability, \"coding\", 1d)", text[call.Start..call.End]);
    }

    [Fact]
    public void In_takes_a_list_and_conditional_nests_to_the_right()
    {
        var (root, problems) = Parser.Parse("account.tier in ['free', \"trial\"] ? 1 : 2 > 1 ? 3 : 4");

        Assert.Empty(problems);
        var conditional = Assert.IsType<Conditional>(root);
        Assert.IsType<ListLiteral>(Assert.IsType<Binary>(conditional.Test).Right);
        Assert.IsType<Conditional>(conditional.Else);
    }

    [Theory]
    [InlineData("count(request, 1h) >=", 21, "unexpected the end of the condition: expected a value, a name or '('")]
    [InlineData("count(request 1h)", 14, "unexpected '1h': expected ')' or ','")]
    [InlineData("(1 < 2", 6, "unexpected the end of the condition: expected ')'")]
    [InlineData("1 < 2 3", 6, "unexpected '3': expected an operator or the end of the condition")]
    [InlineData("a = b", 2, "unexpected '=': expected '==' to compare")]
    [InlineData("a & b", 2, "unexpected '&': expected '&&'")]
    [InlineData("x > 1 #", 6, "unexpected character '#'")]
    [InlineData("\"open", 0, "unterminated string: expected a closing \"")]
    [InlineData("5x > 1", 0, "'5x' is not a number or a duration: expected a number like 200 or 0.8, or a duration like 90s, 15m, 6h or 30d")]
    [InlineData("", 0, "empty condition: expected an expression such as count(request, 1h) >= 200")]
    [InlineData("account.", 8, "unexpected the end of the condition: expected a field name after '.'")]
    public void Reports_a_syntax_problem_at_its_offset(string text, int offset, string message)
    {
        var (_, problems) = Parser.Parse(text);

        var problem = Assert.Single(problems);
        Assert.Equal(offset, problem.Offset);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Reports_several_problems_of_one_condition()
    {
        var (_, problems) = Parser.Parse("a # b && (c");

        Assert.Equal(2, problems.Count);
    }
}
