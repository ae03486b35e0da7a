using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CommunitySaaS.Core.Tests;

public sealed class PagingTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Theory]
    [InlineData("mem_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b")]
    [InlineData("42")]
    public void Cursor_DecodesToTheKeyItEncoded(string key)
    {
        var cursor = Cursor.Encode(key);
        cursor.ShouldNotContain(key);
        Cursor.TryDecode(cursor, out var decoded).ShouldBeTrue();
        decoded.ShouldBe(key);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("AAAA")]
    [InlineData("%%%")]
    [InlineData("")]
    public void Cursor_RefusesJunk_WhenItIsNotOneThisApiHandedOut(string junk)
    {
        Cursor.TryDecode(junk, out _).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => Cursor.Decode(junk));
    }

    [Fact]
    public async Task Window_PagesNewestFirst_WithoutGapsOrRepeats_WhenRowsArriveBetweenPages()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var tenant = await database.AddTenantAsync($"p{Guid.NewGuid():N}"[..10]);
        await using var db = database.Open(tenant);
        foreach (var i in Enumerable.Range(0, 5)) db.Members.Add(new Member { ExternalId = $"m{i}", CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        var expected = await db.Members.OrderByDescending(m => m.Id).Select(m => m.ExternalId).ToListAsync();

        var first = new PageRequest(2);
        var page1 = first.ToPage(await db.Members.Window(m => m.Id, first).ToListAsync(), m => m.Id);
        db.Members.Add(new Member { ExternalId = "late", CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        var seen = page1.Data.Select(m => m.ExternalId).ToList();
        for (var page = page1; page.HasMore;)
        {
            var next = new PageRequest(2, page.NextCursor);
            page = next.ToPage(await db.Members.Window(m => m.Id, next).ToListAsync(), m => m.Id);
            seen.AddRange(page.Data.Select(m => m.ExternalId));
        }

        seen.ShouldBe(expected);
    }
}
