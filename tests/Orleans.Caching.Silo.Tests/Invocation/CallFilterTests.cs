using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo.Tests.Infrastructure;

namespace Orleans.Caching.Silo.Tests.Invocation;

public sealed class CallFilterTests
{
    [Fact]
    public async Task Outgoing_then_incoming_filters_run_in_registration_order_around_the_call()
    {
        var trail = new List<string>();
        await using var harness = new SiloHarness(services: services =>
        {
            services.AddSingleton<IOutgoingGrainCallFilter>(new RecordingFilter("out1", trail));
            services.AddSingleton<IOutgoingGrainCallFilter>(new RecordingFilter("out2", trail));
            services.AddSingleton<IIncomingGrainCallFilter>(new RecordingFilter("in1", trail));
            services.AddSingleton<IIncomingGrainCallFilter>(new RecordingFilter("in2", trail));
        });

        int result = await harness.Grain("filtered").CallAsync(Calls.Write(body: () => { lock (trail) { trail.Add("grain"); } }));

        Assert.Equal(1, result);
        Assert.Equal(["out1>", "out2>", "in1>", "in2>", "grain", "<in2", "<in1", "<out2", "<out1"], trail);
    }

    [Fact]
    public async Task An_outgoing_filter_can_answer_without_reaching_the_grain()
    {
        await using var harness = new SiloHarness(services: services => services.AddSingleton<IOutgoingGrainCallFilter>(new AnsweringFilter(42)));
        var request = Calls.Write();

        int result = await harness.Grain("short").CallAsync(request);

        Assert.Equal(42, result);
        Assert.Equal(0, request.Runs);
        Assert.Equal(0, harness.Silo.ActivationCount);
    }

    [Fact]
    public async Task An_incoming_filter_can_answer_inside_the_turn_without_running_the_method()
    {
        await using var harness = new SiloHarness(services: services => services.AddSingleton<IIncomingGrainCallFilter>(new AnsweringFilter(7)));
        var request = Calls.Write();

        int result = await harness.Grain("short-in").CallAsync(request);

        Assert.Equal(7, result);
        Assert.Equal(0, request.Runs);
        Assert.Equal(1, harness.Silo.ActivationCount);
    }

    [Fact]
    public async Task A_filter_that_leaves_a_wrong_result_type_fails_the_call_clearly()
    {
        await using var harness = new SiloHarness(services: services => services.AddSingleton<IOutgoingGrainCallFilter>(new AnsweringFilter("text")));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Grain("broken").CallAsync(Calls.Write()).AsTask());

        Assert.Contains("String", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingFilter(string name, List<string> trail) : IOutgoingGrainCallFilter, IIncomingGrainCallFilter
    {
        public async ValueTask InvokeAsync(IGrainCallContext context)
        {
            Add($"{name}>");
            await context.InvokeAsync();
            Add($"<{name}");
        }

        private void Add(string entry)
        {
            lock (trail)
            {
                trail.Add(entry);
            }
        }
    }

    private sealed class AnsweringFilter(object answer) : IOutgoingGrainCallFilter, IIncomingGrainCallFilter
    {
        public ValueTask InvokeAsync(IGrainCallContext context)
        {
            context.Result = answer;
            return ValueTask.CompletedTask;
        }
    }
}
