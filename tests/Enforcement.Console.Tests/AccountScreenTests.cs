using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enforcement.Console.Tests;

[Collection(ConsoleHost.Name)]
public sealed class AccountScreenTests(ConsoleFixture host)
{
    [BrowserFact]
    public async Task Shows_why_the_service_suspended_a_campaign_account()
    {
        var account = host.TakeSuspendedAccount();
        await using var tab = await host.OpenAsync();
        await tab.SignInAsync(ConsoleFixture.Alice);

        await tab.SearchAccountAsync(account);

        await Expect(tab.EnforcementState).ToHaveTextAsync("suspended");
        var timeline = tab.Page.GetByRole(AriaRole.Region, new() { Name = "Timeline" });
        var suspension = timeline.GetByRole(AriaRole.Article).Filter(new() { HasText = "suspend+escalate" });
        await Expect(suspension).ToContainTextAsync("distillation.challenge-failures");
        await Expect(suspension).ToContainTextAsync("count(challenge_failed, 1d) >= 3");
        await Expect(suspension.GetByRole(AriaRole.Table, new() { Name = "Evidence" })).ToContainTextAsync("count(challenge_failed, 1d)");
        var throttle = timeline.GetByRole(AriaRole.Article).Filter(new() { HasText = "distillation.cot-elicitation" }).First;
        await Expect(throttle).ToContainTextAsync("avg(cot_elicitation, 1h) =");
        await tab.ScreenshotAsync("account", main: true);
        Assert.Empty(tab.Faults);
    }

    [BrowserFact]
    public async Task A_reason_leads_to_its_decision_and_a_linked_entity_to_its_members_and_conditions()
    {
        var account = host.SuspendedRing[0];
        await using var tab = await host.OpenAsync();
        await tab.SignInAsync(ConsoleFixture.Alice);
        await tab.SearchAccountAsync(account);

        var enforcement = tab.Page.GetByRole(AriaRole.Region, new() { Name = "Enforcement" });
        await enforcement.GetByRole(AriaRole.Link, new() { NameRegex = new("challenge under distillation.payment-ring") }).ClickAsync();
        var inherited = tab.Page.Locator("article.highlight");
        await Expect(inherited).ToContainTextAsync("Inherited from");
        await Expect(inherited).ToContainTextAsync("payment:pm-ring-0");

        await tab.Page.GetByRole(AriaRole.Region, new() { Name = "Linked entities" })
            .GetByRole(AriaRole.Link, new() { Name = "payment:pm-ring-0" }).ClickAsync();

        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Entity payment:pm-ring-0", Level = 1 })).ToBeVisibleAsync();
        await Expect(tab.Page.GetByRole(AriaRole.Region, new() { Name = "Members" }).GetByRole(AriaRole.Link, new() { Name = account })).ToBeVisibleAsync();
        await Expect(tab.Page.GetByRole(AriaRole.Region, new() { Name = "Conditions now" })).ToContainTextAsync("new_members(14d, 7d) =");
        await Expect(tab.Page.GetByRole(AriaRole.Region, new() { Name = "Decisions" })).ToContainTextAsync("distillation.payment-ring");
        await tab.ScreenshotAsync("subject", main: true);
        Assert.Empty(tab.Faults);
    }
}
