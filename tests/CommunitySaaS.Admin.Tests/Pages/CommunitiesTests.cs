using CommunitySaaS.Admin.Pages.Communities;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.Communities;
using CommunitySaaS.Core.Users;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommunitySaaS.Admin.Tests.Pages;

public sealed class CommunitiesTests : ConsoleTestContext
{
    [Fact]
    public async Task Render_ListsCommunitiesWithNewButton_WhenOperator()
    {
        SignIn(UserRoles.Operator);
        await Data.CommunityAsync(BrandA, "Tea Club");
        await Data.CommunityAsync(BrandB, "Hidden B Club");

        var page = RenderWithProviders<CommunitiesPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=communities-table] tbody").TextContent.ShouldContain("Tea Club"));
        page.Markup.ShouldNotContain("Hidden B Club");
        page.FindAll("[data-testid=new-community]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Render_HidesNewButton_WhenFinance()
    {
        SignIn(UserRoles.Finance);
        await Data.CommunityAsync(BrandA, "Tea Club");

        var page = RenderWithProviders<CommunitiesPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=communities-table] tbody").TextContent.ShouldContain("Tea Club"));
        page.FindAll("[data-testid=new-community]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Dialog_ShowsErrorsAsYouType_WhenNameIsCleared()
    {
        var (provider, _) = await ShowDialogAsync<CommunityDialog>();

        provider.Find("input[data-testid=community-name]").Input("x");
        provider.Find("input[data-testid=community-name]").Input("");

        provider.WaitForAssertion(() => provider.Markup.ShouldContain("The Name field is required."));
    }

    [Fact]
    public async Task Dialog_ShowsServiceErrorNextToLeader_WhenLeaderIsUnknown()
    {
        var (provider, _) = await ShowDialogAsync<CommunityDialog>();
        provider.Find("input[data-testid=community-name]").Input("Night Market");
        provider.Find("input[data-testid=community-leader]").Input("ghost");

        await provider.Find("[data-testid=community-save]").ClickAsync(new());

        provider.WaitForAssertion(() => provider.Find(".mud-dialog").TextContent.ShouldContain("No member with id 'ghost' to lead this community."));
        await using var scope = Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<CommunityService>().SearchAsync(new CommunityQuery(), new())).Total.ShouldBe(0);
    }

    [Fact]
    public async Task Dialog_CreatesCommunityWithLeader_WhenValid()
    {
        await Data.MembersAsync(BrandA, 1);
        var (provider, reference) = await ShowDialogAsync<CommunityDialog>();
        provider.Find("input[data-testid=community-name]").Input("Night Market");
        provider.Find("input[data-testid=community-leader]").Input("m001");

        await provider.Find("[data-testid=community-save]").ClickAsync(new());

        var result = await reference.Result;
        var created = result!.Data.ShouldBeOfType<CommunityView>();
        created.Name.ShouldBe("Night Market");
        created.LeaderExternalId.ShouldBe("m001");
        created.MemberCount.ShouldBe(1);
    }

    [Fact]
    public async Task Dialog_UpdatesCommunity_WhenEditing()
    {
        var community = await Data.CommunityAsync(BrandA, "Old Name");
        var (provider, reference) = await ShowDialogAsync(new DialogParameters<CommunityDialog> { { d => d.Community, community } });
        provider.Find("input[data-testid=community-name]").Input("New Name");

        await provider.Find("[data-testid=community-save]").ClickAsync(new());

        (await reference.Result)!.Data.ShouldBeOfType<CommunityView>().Name.ShouldBe("New Name");
    }

    [Fact]
    public async Task Detail_AddsMember_WhenOperatorSubmitsMemberId()
    {
        SignIn(UserRoles.Operator);
        await Data.MembersAsync(BrandA, 2);
        var community = await Data.CommunityAsync(BrandA, "Tea Club", "m001");
        var page = RenderWithProviders<CommunityDetail>(p => p.Add(x => x.Id, community.Id));
        page.WaitForAssertion(() => page.Find("[data-testid=community-members]").TextContent.ShouldContain("m001"));

        page.Find("input[data-testid=join-member]").Input("m002");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => page.Find("[data-testid=community-members]").TextContent.ShouldContain("m002"));
        page.Find("[data-testid=community-summary]").TextContent.ShouldContain("2");
    }

    [Fact]
    public async Task Detail_ShowsReadOnly_WhenFinance()
    {
        SignIn(UserRoles.Finance);
        var community = await Data.CommunityAsync(BrandA, "Tea Club");

        var page = RenderWithProviders<CommunityDetail>(p => p.Add(x => x.Id, community.Id));

        page.WaitForAssertion(() => page.Markup.ShouldContain("Tea Club"));
        page.FindAll("[data-testid=edit-community]").ShouldBeEmpty();
        page.FindAll("input[data-testid=join-member]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Detail_ShowsNotFound_WhenCommunityBelongsToAnotherBrand()
    {
        var other = await Data.CommunityAsync(BrandB, "B Secret Club");

        var page = RenderWithProviders<CommunityDetail>(p => p.Add(x => x.Id, other.Id));

        page.WaitForAssertion(() => page.Markup.ShouldContain("Community not found"));
        page.Markup.ShouldNotContain("B Secret Club");
    }

    private Task<(Bunit.IRenderedComponent<MudDialogProvider> Provider, IDialogReference Reference)> ShowDialogAsync(DialogParameters<CommunityDialog> parameters) =>
        ShowDialogAsync<CommunityDialog>(parameters);
}
