namespace Orleans.Caching;

/// <summary>How a delegate type returns its result: directly, through <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>, or as an async sequence.</summary>
internal enum DecoratorReturnKind
{
    /// <summary>A plain result.</summary>
    Sync,

    /// <summary>A <see cref="Task{TResult}"/>.</summary>
    Task,

    /// <summary>A <see cref="ValueTask{TResult}"/>.</summary>
    ValueTask,

    /// <summary>An <see cref="IAsyncEnumerable{T}"/>, enumerated lazily.</summary>
    AsyncEnumerable,
}
