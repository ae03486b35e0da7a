using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Members;

public enum MemberSort { Created, Name, ExternalId, Email }

/// <summary>The members table's query: search, one sort column, and a page; newest first by default.</summary>
public sealed record MemberGridQuery(string? Search = null, MemberSort Sort = MemberSort.Created, bool Descending = true, GridRequest? Page = null);

public sealed record MemberRow(string Id, string ExternalId, string? Name, string? Email, string? Phone, IReadOnlyList<string> Tags, DateTimeOffset CreatedAt);
