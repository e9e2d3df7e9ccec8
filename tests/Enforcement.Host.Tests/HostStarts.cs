namespace Enforcement.Host.Tests;

public sealed class HostStarts
{
    [Fact]
    public void Program_type_is_visible() => Assert.NotNull(typeof(Program).Assembly.GetName().Name);
}
