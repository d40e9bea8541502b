using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: CollectionBehavior("Orleans.Caching.Cluster.Tests.Acceptance.Facade.FacadeTestCollectionFactory", "Orleans.Caching.Cluster.Tests")]

namespace Orleans.Caching.Cluster.Tests.Acceptance.Facade;

/// <summary>
/// xUnit's collection-per-class behaviour (and <c>[Collection]</c> attributes), except that the Flask-Caching facade test classes linked
/// from the client tests (namespaces <c>Orleans.Caching.Tests.Memoize</c> and <c>.Cached</c>, which cannot carry a <c>[Collection]</c>
/// attribute here) all join <see cref="FacadeClusterCollection"/>: one shared cluster, one test at a time.
/// </summary>
public sealed class FacadeTestCollectionFactory : IXunitTestCollectionFactory
{
    private static readonly string[] s_facadeNamespaces = ["Orleans.Caching.Tests.Memoize.", "Orleans.Caching.Tests.Cached."];

    private readonly CollectionPerClassTestCollectionFactory _perClass;
    private readonly TestCollection _facade;

    public FacadeTestCollectionFactory(ITestAssembly testAssembly, IMessageSink diagnosticMessageSink)
    {
        _perClass = new CollectionPerClassTestCollectionFactory(testAssembly, diagnosticMessageSink);
        _facade = new TestCollection(testAssembly, Reflector.Wrap(typeof(FacadeClusterCollection)), FacadeClusterCollection.Name);
    }

    public string DisplayName => "collection-per-class, facade tests in one cluster collection";

    public ITestCollection Get(ITypeInfo testClass)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        foreach (string prefix in s_facadeNamespaces)
        {
            if (testClass.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return _facade;
            }
        }

        return _perClass.Get(testClass);
    }
}
