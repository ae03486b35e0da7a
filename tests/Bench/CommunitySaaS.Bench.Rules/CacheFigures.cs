using System.Diagnostics;
using CommunitySaaS.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Bench.Rules;

/// <summary>The figures BenchmarkDotNet cannot give: cold compile time and memory held by many tenants' cached rule sets.</summary>
public static class CacheFigures
{
    public static void Print(int tenants)
    {
        var firstInProcess = Time(cache => cache.Warm(Ref(), BenchRuleSets.Points(), []));
        var warm = Median(variant => Time(cache => cache.Warm(Ref(), BenchRuleSets.Points(variant), [])));
        var plainFirst = PlainFirstEvaluation(0);
        var plainWarm = Median(PlainFirstEvaluation);
        Console.WriteLine($"Cold compile of one 10-rule rule set: {warm:F1} ms in a running process (median of 21), "
            + $"{firstInProcess:F1} ms as the process's very first (JIT of the parser and compiler included)");
        Console.WriteLine($"Plain RulesEngine, first evaluation of a new engine: {plainWarm:F1} ms in a running process, {plainFirst:F1} ms as its first in the process");

        // Bounded first: the working set does not shrink back after the unbounded run.
        Memory(tenants, capacity: new RulesOptions().CacheCapacity, "default LRU bound");
        Memory(tenants, capacity: tenants, "no eviction");
    }

    private static void Memory(int tenants, int capacity, string label)
    {
        var cache = NewCache(capacity);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Environment.WorkingSet;
        var watch = Stopwatch.StartNew();
        for (var tenant = 0; tenant < tenants; tenant++)
        {
            cache.Warm(Ref(), BenchRuleSets.Points(tenant), []);
        }

        watch.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var held = (after - before) / 1024.0 / 1024.0;
        var workingSet = (Environment.WorkingSet - workingSetBefore) / 1024.0 / 1024.0;
        Console.WriteLine(
            $"{tenants:N0} tenants' 10-rule rule sets, capacity {capacity:N0} ({label}): {cache.Count:N0} held, {held:F1} MB managed heap "
            + $"({held * 1024 / cache.Count:F1} KB each), working set {workingSet:+0;-0} MB (compiled code included), "
            + $"compiled in {watch.Elapsed.TotalSeconds:F1} s");
        GC.KeepAlive(cache);
    }

    private static double Time(Action<IRuleSetCache> warm)
    {
        var cache = NewCache(10);
        var watch = Stopwatch.StartNew();
        warm(cache);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(Func<int, double> measure) =>
        Enumerable.Range(1, 21).Select(measure).Order().ElementAt(10);

    private static double PlainFirstEvaluation(int variant)
    {
        var watch = Stopwatch.StartNew();
        new PlainRulesEngine(BenchRuleSets.Points(variant), BenchRuleSets.Inputs).PointsAsync().AsTask().GetAwaiter().GetResult();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static IRuleSetCache NewCache(int capacity) =>
        new ServiceCollection().AddRules(options => options.CacheCapacity = capacity).BuildServiceProvider().GetRequiredService<IRuleSetCache>();

    private static RuleSetRef Ref() => new(Guid.NewGuid(), RuleSetKind.Points, 1);
}
