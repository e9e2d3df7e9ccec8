using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Tests.Windows;

/// <summary>One subject's windows over the test catalog, with the slots named by the test that asked for them.</summary>
internal sealed class TestSubject
{
    private readonly WindowLayoutBuilder builder;
    private SubjectWindows? subject;

    public TestSubject(int maxTrackedValues = 65_536) => builder = new WindowLayoutBuilder(TestCatalog.CatalogLite, maxTrackedValues);

    public SubjectWindows Subject => subject ??= new SubjectWindows(builder.Build());

    public int Slot(WindowRequest request)
    {
        if (subject is not null)
            throw new InvalidOperationException("Ask for every slot before the first observation.");
        return builder.Add(request);
    }

    public TestSubject Add(params Observation[] observations)
    {
        foreach (var observation in observations)
            Subject.Add(observation);
        return this;
    }

    public double Read(int slot, TimeSpan now) => Subject.Read(slot, TestCatalog.At(now));
}
