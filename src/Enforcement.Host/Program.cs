var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health/live", () => "ok");
app.Run();

/// <summary>Visible to the tests, which start the host in process.</summary>
public partial class Program;
