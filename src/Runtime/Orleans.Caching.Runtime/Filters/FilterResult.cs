namespace Orleans.Caching.Runtime;

/// <summary>Turns the boxed <see cref="IGrainCallContext.Result"/> a filter chain produced back into the method's result type.</summary>
internal static class FilterResult
{
    /// <summary>Unboxes a chain's result.</summary>
    /// <typeparam name="TResult">The method's result type.</typeparam>
    /// <param name="value">The boxed result.</param>
    /// <param name="request">The call.</param>
    /// <param name="targetId">The grain.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">A filter set a result of the wrong type, or none for a method returning a value type.</exception>
    public static TResult Unbox<TResult>(object? value, GrainRequest request, GrainId targetId)
    {
        if (value is TResult result)
        {
            return result;
        }

        if (value is null && default(TResult) is null)
        {
            return default!;
        }

        throw new InvalidOperationException(
            $"A grain call filter left the result of {request.MethodName} on {targetId} as {value?.GetType().Name ?? "null"}, but the method returns {typeof(TResult).Name}.");
    }
}
