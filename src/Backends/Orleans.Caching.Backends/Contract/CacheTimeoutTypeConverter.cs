using System.ComponentModel;
using System.Globalization;

namespace Orleans.Caching;

/// <summary>Lets configuration binding read a <see cref="CacheTimeout"/> from <c>"300"</c> or <c>"00:05:00"</c>.</summary>
public sealed class CacheTimeoutTypeConverter : TypeConverter
{
    /// <inheritdoc/>
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType)
        => sourceType == typeof(string) || sourceType == typeof(int) || sourceType == typeof(long) || sourceType == typeof(TimeSpan)
           || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc/>
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) => value switch
    {
        string text => CacheTimeout.Parse(text),
        int seconds => CacheTimeout.FromSeconds(seconds),
        long seconds => CacheTimeout.FromSeconds(seconds),
        TimeSpan span => CacheTimeout.FromTimeSpan(span),
        _ => base.ConvertFrom(context, culture, value),
    };

    /// <inheritdoc/>
    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType)
        => destinationType == typeof(string) && value is CacheTimeout timeout
            ? timeout.ToString()
            : base.ConvertTo(context, culture, value, destinationType);
}
