namespace Enforcement.Policy.Tests.Checking;

public sealed class FindUnreachableRungsTests
{
    private static IEnumerable<string> Problems(string when) =>
        PolicySets.Compile(PolicySets.Policy(when)).Errors.Select(e => e.Message);

    [Theory]
    [InlineData("false")]
    [InlineData("1 > 2 && true")]
    [InlineData("1 == 2 || !true")]
    [InlineData("30d < 1h")]
    public void A_condition_that_is_always_false_is_rejected(string when) =>
        Assert.Equal(["the condition is always false: no rung of the ladder can be reached"], Problems(when));

    [Theory]
    [InlineData("true || count(request, 1h) > 1")]
    [InlineData("count(request, 1h) > 1 && 2 > 1")]
    [InlineData("account.verified == false")]
    public void A_condition_that_reads_the_subject_is_not_judged_constant(string when) =>
        Assert.Empty(Problems(when));
}
