using System.Net;
using System.Text;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests;

/// <summary>A body the framework cannot bind is refused in the client's words: where, and what was expected; no .NET names.</summary>
public abstract class BindingProblemTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    private static readonly string[] FrameworkWords = ["Nullable", "System.", "Microsoft.", "Service", "`", "CommunitySaaS.", ".NET", "SaveCommunity"];

    [Theory]
    [InlineData(null, null, "$", "JSON body")]
    [InlineData("{\"name\":\"A\",\"kind\":\"onlineGroup\",\"unknownField\":1}", "application/json", "$.unknownField", "not part of this request")]
    [InlineData("{\"name\":42,\"kind\":\"onlineGroup\"}", "application/json", "$.name", "wrong type or format")]
    [InlineData("{\"name\":\"A\",\"kind\":\"onlineGroup\"", "application/json", "$", "")]
    public async Task Create_AnswersAnUnreadableBodyWith400NamingWhere_InPlainWords(string? body, string? contentType, string field, string expected)
    {
        var tenant = await host.CreateTenantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, tenant.Url("communities"));
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType!);
        var response = await tenant.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldContain(k => k.StartsWith(field, StringComparison.Ordinal), $"errors were {errors.ToJsonString()}");
        text.ShouldContain(expected);
        FrameworkWords.Where(w => text.Contains(w, StringComparison.Ordinal)).ShouldBeEmpty(text);
    }

    [Fact]
    public async Task Create_Answers415_WhenTheBodyIsNotJson()
    {
        var tenant = await host.CreateTenantAsync();
        var response = await tenant.Client.PostAsync(tenant.Url("communities"), new StringContent("a=1", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var text = await response.Content.ReadAsStringAsync();
        var problem = await response.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType);
        problem["detail"].ShouldNotBeNull(text);
        problem["detail"]!.GetValue<string>().ShouldContain("application/json");
        FrameworkWords.Where(w => text.Contains(w, StringComparison.Ordinal)).ShouldBeEmpty(text);
    }
}

public sealed class BindingProblemTestsOnSqlite(SqliteHost host) : BindingProblemTests<SqliteHost>(host);
