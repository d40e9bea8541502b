using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Caching.Silo;

/// <summary>Source-generated JSON of the dashboard's API (no reflection, so the slim host needs no JSON setup).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(DashboardStatus))]
[JsonSerializable(typeof(DashboardHealth))]
[JsonSerializable(typeof(DashboardKeyResult))]
[JsonSerializable(typeof(DashboardKeyWrite))]
[JsonSerializable(typeof(DashboardError))]
[JsonSerializable(typeof(string))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext
{
}
