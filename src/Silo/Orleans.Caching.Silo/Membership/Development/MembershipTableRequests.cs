using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>The request of <see cref="IMembershipTableTarget.ReadAllAsync"/>.</summary>
internal sealed class MembershipReadAllRequest : GrainRequest<MembershipTableSnapshot>
{
    public static MembershipReadAllRequest Instance { get; } = new();

    public override string MethodName => nameof(IMembershipTableTarget.ReadAllAsync);

    public override Type InterfaceType => typeof(IMembershipTableTarget);

    public override bool IsReadOnly => true;

    public override ValueTask<MembershipTableSnapshot> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((IMembershipTableTarget)grain).ReadAllAsync(cancellationToken);
}

/// <summary>The request of <see cref="IMembershipTableTarget.TryWriteAsync"/>: not idempotent (a lost answer is re-decided by the agent
/// after a re-read, never blindly resent).</summary>
internal sealed class MembershipTryWriteRequest(MembershipEntry entry, long expectedVersion) : GrainRequest<bool>
{
    public MembershipEntry Entry { get; } = entry;

    public long ExpectedVersion { get; } = expectedVersion;

    public override string MethodName => nameof(IMembershipTableTarget.TryWriteAsync);

    public override Type InterfaceType => typeof(IMembershipTableTarget);

    public override ValueTask<bool> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((IMembershipTableTarget)grain).TryWriteAsync(Entry, ExpectedVersion, cancellationToken);
}

/// <summary>The request of <see cref="IMembershipTableTarget.UpdateIAmAliveAsync"/>.</summary>
internal sealed class MembershipIAmAliveRequest(SiloAddress silo, DateTimeOffset time) : GrainRequest<bool>
{
    public SiloAddress Silo { get; } = silo;

    public DateTimeOffset Time { get; } = time;

    public override string MethodName => nameof(IMembershipTableTarget.UpdateIAmAliveAsync);

    public override Type InterfaceType => typeof(IMembershipTableTarget);

    public override bool IsIdempotent => true;

    public override ValueTask<bool> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((IMembershipTableTarget)grain).UpdateIAmAliveAsync(Silo, Time, cancellationToken);
}

/// <summary>The request of <see cref="IMembershipTableTarget.CleanupDefunctAsync"/>.</summary>
internal sealed class MembershipCleanupRequest(DateTimeOffset before) : GrainRequest<int>
{
    public DateTimeOffset Before { get; } = before;

    public override string MethodName => nameof(IMembershipTableTarget.CleanupDefunctAsync);

    public override Type InterfaceType => typeof(IMembershipTableTarget);

    public override bool IsIdempotent => true;

    public override ValueTask<int> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((IMembershipTableTarget)grain).CleanupDefunctAsync(Before, cancellationToken);
}

/// <summary>The request of <see cref="IMembershipTableTarget.DeleteAsync"/>.</summary>
internal sealed class MembershipDeleteRequest : GrainRequest<bool>
{
    public static MembershipDeleteRequest Instance { get; } = new();

    public override string MethodName => nameof(IMembershipTableTarget.DeleteAsync);

    public override Type InterfaceType => typeof(IMembershipTableTarget);

    public override bool IsIdempotent => true;

    public override ValueTask<bool> InvokeAsync(object grain, CancellationToken cancellationToken)
        => ((IMembershipTableTarget)grain).DeleteAsync(cancellationToken);
}
