using System.Collections.Concurrent;
using CommunitySaaS.Rules.Compilation;

namespace CommunitySaaS.Rules.Caching;

/// <summary>
/// A bounded LRU of compiled rule sets. A hit is a dictionary read and a counter stamp; compiling
/// happens once per key, even when several threads miss at once, and eviction happens on insert.
/// </summary>
internal sealed class RuleSetCache(RulesOptions options, RuleSetCompiler compiler) : IRuleSetCache
{
    private readonly ConcurrentDictionary<RuleSetRef, Entry> _entries = new();
    private readonly Lock _evictionLock = new();
    private long _clock;
    private long _compilations;
    private long _evictions;

    public int Count => _entries.Count;

    public int Capacity => Math.Max(1, options.CacheCapacity);

    public long Compilations => Interlocked.Read(ref _compilations);

    public long Evictions => Interlocked.Read(ref _evictions);

    public void Warm(RuleSetRef ruleSet, string workflowJson, IReadOnlyCollection<string> enabledPlugins) =>
        Replace(new RuleSetSource(ruleSet, workflowJson, enabledPlugins));

    public bool Contains(RuleSetRef ruleSet) => _entries.ContainsKey(ruleSet);

    public CompiledRuleSet Get(RuleSetSource source)
    {
        if (_entries.TryGetValue(source.Ref, out var entry))
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            var ruleSet = Resolve(source.Ref, entry);
            if (ruleSet.CompiledWith(source.EnabledPlugins))
            {
                return ruleSet;
            }

            return Replace(source);
        }

        var added = _entries.GetOrAdd(source.Ref, static (_, state) => state.Cache.NewEntry(state.Source), (Cache: this, Source: source));
        EvictOverflow();
        return Resolve(source.Ref, added);
    }

    private CompiledRuleSet Replace(RuleSetSource source)
    {
        var entry = NewEntry(source);
        _entries[source.Ref] = entry;
        EvictOverflow();
        return Resolve(source.Ref, entry);
    }

    private Entry NewEntry(RuleSetSource source) =>
        new(new Lazy<CompiledRuleSet>(() => Compile(source), LazyThreadSafetyMode.ExecutionAndPublication))
        {
            LastUsed = Interlocked.Increment(ref _clock),
        };

    private CompiledRuleSet Compile(RuleSetSource source)
    {
        Interlocked.Increment(ref _compilations);
        var (ruleSet, errors) = compiler.Compile(source.Ref.Kind, source.WorkflowJson, source.EnabledPlugins);
        return ruleSet ?? throw new RuleSetInvalidException(source.Ref, errors);
    }

    private CompiledRuleSet Resolve(RuleSetRef key, Entry entry)
    {
        try
        {
            return entry.RuleSet.Value;
        }
        catch (RuleSetInvalidException)
        {
            // An invalid rule set is not kept, so that fixing its plugins or JSON takes effect at once.
            _entries.TryRemove(new KeyValuePair<RuleSetRef, Entry>(key, entry));
            throw;
        }
    }

    private void EvictOverflow()
    {
        if (_entries.Count <= Capacity)
        {
            return;
        }

        lock (_evictionLock)
        {
            while (_entries.Count > Capacity)
            {
                var oldest = _entries.MinBy(pair => pair.Value.LastUsed);
                if (_entries.TryRemove(oldest))
                {
                    Interlocked.Increment(ref _evictions);
                }
            }
        }
    }

    private sealed class Entry(Lazy<CompiledRuleSet> ruleSet)
    {
        public Lazy<CompiledRuleSet> RuleSet { get; } = ruleSet;

        public long LastUsed { get; set; }
    }
}
