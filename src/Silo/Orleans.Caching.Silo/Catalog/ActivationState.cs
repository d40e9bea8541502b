namespace Orleans.Caching.Silo;

/// <summary>The lifecycle of an activation: Creating → Activating → Valid → Deactivating → Invalid (gone).</summary>
internal enum ActivationState : byte
{
    /// <summary>Registered in the catalog; activation has not started.</summary>
    Creating,

    /// <summary>The grain is being created and <c>OnActivateAsync</c> runs; requests queue.</summary>
    Activating,

    /// <summary>Serving requests.</summary>
    Valid,

    /// <summary>Waiting for running requests, then running <c>OnDeactivateAsync</c>; new requests wait for a fresh activation.</summary>
    Deactivating,

    /// <summary>Removed from the catalog; requests that still reach it go to a fresh activation.</summary>
    Invalid,
}
