using CommunitySaaS.Core.Webhooks;

namespace CommunitySaaS.Core.Members;

/// <summary>
/// The <c>data</c> of <c>member.created</c>: the member as <c>GET /members/{externalId}</c> shows it when the delivery
/// is made. A member's profile keeps no history, so a change made before then already shows.
/// </summary>
internal sealed class MemberWebhookData(MemberService members) : IWebhookData<MemberCreated>
{
    public async Task<object> DataAsync(MemberCreated domainEvent, CancellationToken ct) => await members.ViewOfAsync(domainEvent.MemberId, ct);
}
