using CommunitySaaS.Core.Events;

namespace CommunitySaaS.Core.Members;

/// <summary>A member was created (by the storefront's upsert); about no aggregate, as nothing of the member precedes it.</summary>
public sealed record MemberCreated(string MemberId, string ExternalId, DateTimeOffset CreatedAt) : DomainEvent
{
    public const string TypeName = "member.created";
    public override string Type => TypeName;
}
