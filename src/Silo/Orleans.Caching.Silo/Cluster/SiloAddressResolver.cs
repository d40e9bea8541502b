using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Orleans.Caching.Silo;

/// <summary>Decides the address a silo advertises in the membership table.</summary>
internal static class SiloAddressResolver
{
    /// <summary>The environment variable Kubernetes manifests fill with the pod's IP (downward API).</summary>
    public const string PodIpVariable = "POD_IP";

    /// <summary>Chooses the advertised IP address: the configured one, <c>POD_IP</c>, the specific listen address, the first non-loopback IPv4 address, or loopback.</summary>
    /// <param name="options">The endpoint options.</param>
    /// <param name="environment">Reads environment variables.</param>
    /// <returns>The address.</returns>
    /// <exception cref="FormatException">A configured address is not an IP address.</exception>
    public static IPAddress Resolve(SiloEndpointOptions options, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(options.AdvertisedAddress))
        {
            return ParseOrResolve(options.AdvertisedAddress, SiloEndpointOptions.SectionName + ":AdvertisedAddress");
        }

        if (environment(PodIpVariable) is { Length: > 0 } podIp && IPAddress.TryParse(podIp, out IPAddress? pod))
        {
            return pod;
        }

        IPAddress listen = IPAddress.Parse(options.ListenAddress);
        if (!listen.Equals(IPAddress.Any) && !listen.Equals(IPAddress.IPv6Any))
        {
            return listen;
        }

        foreach (NetworkInterface network in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (network.OperationalStatus != OperationalStatus.Up || network.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            {
                continue;
            }

            foreach (UnicastIPAddressInformation address in network.GetIPProperties().UnicastAddresses)
            {
                if (address.Address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address.Address))
                {
                    return address.Address;
                }
            }
        }

        return IPAddress.Loopback;
    }

    private static IPAddress ParseOrResolve(string text, string key)
    {
        if (IPAddress.TryParse(text, out IPAddress? address))
        {
            return address;
        }

        foreach (IPAddress candidate in Dns.GetHostAddresses(text))
        {
            if (candidate.AddressFamily == AddressFamily.InterNetwork)
            {
                return candidate;
            }
        }

        throw new FormatException($"{key} is '{text}', which is neither an IP address nor a host name with an IPv4 address.");
    }
}
