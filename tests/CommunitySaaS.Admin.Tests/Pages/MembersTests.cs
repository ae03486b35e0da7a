using CommunitySaaS.Admin.Pages.Members;
using CommunitySaaS.Admin.Tests.Infrastructure;

namespace CommunitySaaS.Admin.Tests.Pages;

public sealed class MembersTests : ConsoleTestContext
{
    [Fact]
    public async Task Render_ShowsFirstPageAndTotal_WhenBrandHasManyMembers()
    {
        await Data.MembersAsync(BrandA, 30);

        var page = RenderWithProviders<MembersPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=member-total]").TextContent.ShouldBe("30 members"));
        page.FindAll("[data-testid=members-table] tbody tr").Count.ShouldBe(25);
    }

    [Fact]
    public async Task Render_NeverListsAnotherBrandsMembers_WhenOwnerOfBrandA()
    {
        await Data.MembersAsync(BrandA, 2, "a");
        await Data.MembersAsync(BrandB, 5, "b");

        var page = RenderWithProviders<MembersPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=member-total]").TextContent.ShouldBe("2 members"));
        page.Markup.ShouldNotContain("Brand B Person");
    }

    [Fact]
    public async Task Search_ShowsOnlyMatches_WhenTypingAnEmail()
    {
        await Data.MembersAsync(BrandA, 12);
        var page = RenderWithProviders<MembersPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=member-total]").TextContent.ShouldBe("12 members"));

        page.Find("input[data-testid=member-search]").Input("m7@brand-a.example");

        page.WaitForAssertion(() => page.Find("[data-testid=member-total]").TextContent.ShouldBe("1 members"), TimeSpan.FromSeconds(5));
        page.Find("[data-testid=members-table] tbody").TextContent.ShouldContain("m007");
    }

    [Fact]
    public async Task Search_ShowsEmptyState_WhenNothingMatches()
    {
        await Data.MembersAsync(BrandA, 3);
        var page = RenderWithProviders<MembersPage>();

        page.Find("input[data-testid=member-search]").Input("nobody-like-this");

        page.WaitForAssertion(() => page.Find("[data-testid=empty-state]").TextContent.ShouldContain("No member matches"), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Detail_ShowsAttributesCommunitiesAndOrders_WhenMemberExists()
    {
        await Data.MembersAsync(BrandA, 2);
        var community = await Data.CommunityAsync(BrandA, "Tea Club", "m001");
        await Data.OrderAsync(BrandA, "a-1", "m001", 12m, community.Id);

        var page = RenderWithProviders<MemberDetail>(p => p.Add(x => x.ExternalId, "m001"));

        page.WaitForAssertion(() => page.Find("[data-testid=member-attributes]").TextContent.ShouldContain("m1@brand-a.example"));
        page.Markup.ShouldContain("Tea Club");
        page.WaitForAssertion(() => page.Find("[data-testid=orders-table] tbody").TextContent.ShouldContain("a-1"));
    }

    [Fact]
    public async Task Detail_ShowsNotFound_WhenMemberBelongsToAnotherBrand()
    {
        await Data.MembersAsync(BrandB, 1, "secret");

        var page = RenderWithProviders<MemberDetail>(p => p.Add(x => x.ExternalId, "secret001"));

        page.WaitForAssertion(() => page.Markup.ShouldContain("No member with id 'secret001'"));
        page.Markup.ShouldNotContain("Brand B Person");
    }
}
