using System.ComponentModel;
using System.Globalization;

namespace Orleans.Caching;

/// <summary>
/// A cache time-to-live in whole seconds, with Flask-Caching's meaning: <c>0</c> never expires and a
/// negative value is already expired. A <see langword="null"/> <c>CacheTimeout?</c> means "the backend's default".
/// </summary>
/// <remarks>
/// Integers convert implicitly (seconds), and so do <see cref="TimeSpan"/> values, which are rounded up to whole
/// seconds (1 ms becomes 1 s, 1.5 s becomes 2 s), as Flask-Caching does with <c>timedelta</c>.
/// </remarks>
[TypeConverter(typeof(CacheTimeoutTypeConverter))]
public readonly struct CacheTimeout : IEquatable<CacheTimeout>
{
    private CacheTimeout(long seconds) => Seconds = seconds;

    /// <summary>Gets a timeout that never expires (<c>0</c>).</summary>
    public static CacheTimeout Never => default;

    /// <summary>Gets the timeout in whole seconds: <c>0</c> never expires, negative is already expired.</summary>
    public long Seconds { get; }

    /// <summary>Gets a value indicating whether an entry with this timeout never expires.</summary>
    public bool IsNever => Seconds == 0;

    /// <summary>Gets a value indicating whether an entry with this timeout is expired as soon as it is written.</summary>
    public bool IsExpired => Seconds < 0;

    /// <summary>Creates a timeout of <paramref name="seconds"/> seconds.</summary>
    /// <param name="seconds">Seconds; <c>0</c> never expires, negative is already expired.</param>
    /// <returns>The timeout.</returns>
    public static CacheTimeout FromSeconds(long seconds) => new(seconds);

    /// <summary>Creates a timeout from a <see cref="TimeSpan"/>, rounded up to whole seconds.</summary>
    /// <param name="timeSpan">The time-to-live; <see cref="TimeSpan.Zero"/> never expires.</param>
    /// <returns>The timeout.</returns>
    public static CacheTimeout FromTimeSpan(TimeSpan timeSpan)
    {
        long whole = timeSpan.Ticks / TimeSpan.TicksPerSecond;
        long rest = timeSpan.Ticks % TimeSpan.TicksPerSecond;
        return new(rest > 0 ? whole + 1 : whole);
    }

    /// <summary>Returns the absolute expiry for an entry written at <paramref name="now"/>, or <see langword="null"/> if it never expires.</summary>
    /// <param name="now">The time of the write.</param>
    /// <returns>The moment from which the entry reads as missing.</returns>
    public DateTimeOffset? GetExpiration(DateTimeOffset now) => IsNever ? null : now.AddSeconds(Seconds);

    /// <summary>Converts the timeout to a <see cref="TimeSpan"/>.</summary>
    /// <returns>The time-to-live; <see cref="TimeSpan.Zero"/> for <see cref="Never"/>.</returns>
    public TimeSpan ToTimeSpan() => TimeSpan.FromSeconds(Seconds);

    /// <summary>Parses <c>"300"</c> (seconds) or a <see cref="TimeSpan"/> text such as <c>"00:05:00"</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The timeout.</returns>
    /// <exception cref="FormatException">The text is neither a whole number of seconds nor a time span.</exception>
    public static CacheTimeout Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seconds))
        {
            return new(seconds);
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double fractional) && double.IsFinite(fractional))
        {
            return new((long)Math.Ceiling(fractional));
        }

        if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out TimeSpan span))
        {
            return FromTimeSpan(span);
        }

        throw new FormatException($"'{text}' is not a cache timeout: use whole seconds (\"300\", 0 = never expires) or a time span (\"00:05:00\").");
    }

    /// <summary>Converts seconds to a timeout.</summary>
    /// <param name="seconds">Seconds; <c>0</c> never expires.</param>
    public static implicit operator CacheTimeout(int seconds) => new(seconds);

    /// <summary>Converts seconds to a timeout.</summary>
    /// <param name="seconds">Seconds; <c>0</c> never expires.</param>
    public static implicit operator CacheTimeout(long seconds) => new(seconds);

    /// <summary>Converts a time span to a timeout, rounding up to whole seconds.</summary>
    /// <param name="timeSpan">The time-to-live.</param>
    public static implicit operator CacheTimeout(TimeSpan timeSpan) => FromTimeSpan(timeSpan);

    /// <inheritdoc/>
    public bool Equals(CacheTimeout other) => Seconds == other.Seconds;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CacheTimeout other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Seconds.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => Seconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compares two timeouts.</summary>
    /// <param name="left">The first timeout.</param>
    /// <param name="right">The second timeout.</param>
    /// <returns><see langword="true"/> if both are the same number of seconds.</returns>
    public static bool operator ==(CacheTimeout left, CacheTimeout right) => left.Equals(right);

    /// <summary>Compares two timeouts.</summary>
    /// <param name="left">The first timeout.</param>
    /// <param name="right">The second timeout.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(CacheTimeout left, CacheTimeout right) => !left.Equals(right);
}
