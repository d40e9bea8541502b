using Orleans.Caching.Tests.Membership;

namespace Orleans.Caching.Runtime.Tests.Membership;

public sealed class InMemoryMembershipTableContractTests : MembershipTableContractTests
{
    protected override Task<IMembershipTable> CreateTableAsync() => Task.FromResult<IMembershipTable>(new InMemoryMembershipTable());
}
