namespace Orleans.Caching.Runtime;

/// <summary>Recreates a remote grain's exception on the caller: a fixed list of framework exception types keeps its type (no reflection on names from the wire); anything else becomes <see cref="RemoteGrainException"/>.</summary>
internal static class RemoteExceptions
{
    public static Exception Recreate(string exceptionType, string message) => exceptionType switch
    {
        "System.InvalidOperationException" => new InvalidOperationException(message),
        "System.ArgumentException" => new ArgumentException(message),
        "System.ArgumentNullException" => new ArgumentNullException(null, message),
        "System.ArgumentOutOfRangeException" => new ArgumentOutOfRangeException(null, message),
        "System.FormatException" => new FormatException(message),
        "System.OverflowException" => new OverflowException(message),
        "System.NotSupportedException" => new NotSupportedException(message),
        "System.TimeoutException" => new TimeoutException(message),
        "System.Collections.Generic.KeyNotFoundException" => new KeyNotFoundException(message),
        _ => new RemoteGrainException(exceptionType, message),
    };
}
