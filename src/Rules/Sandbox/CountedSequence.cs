using System.Collections;

namespace CommunitySaaS.Rules.Sandbox;

/// <summary>
/// Wraps every sequence a list function reads so that each element read is a step of the
/// <see cref="EvaluationBudget"/>: work done without lambdas (<c>Except</c>, <c>Distinct</c>, <c>Last</c>,
/// <c>string.Concat</c>) and elements produced by inner <c>SelectMany</c>s are counted like lambda calls.
/// </summary>
internal static class CountedSequence
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> source) => new Counted<T>(source);

    /// <summary>Charges one step per element of a collection whose own method scans it (<c>Contains</c>, <c>IndexOf</c>).</summary>
    public static TCollection Scanned<TCollection>(TCollection collection)
        where TCollection : class
    {
        if (collection is ICollection { Count: var count })
        {
            EvaluationBudget.Tick(Math.Max(count, 1));
        }
        else
        {
            EvaluationBudget.Tick();
        }

        return collection;
    }

    private sealed class Counted<T>(IEnumerable<T> source) : IEnumerable<T>
    {
        public IEnumerator<T> GetEnumerator() => new Enumerator(source.GetEnumerator());

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private sealed class Enumerator(IEnumerator<T> inner) : IEnumerator<T>
        {
            public T Current => inner.Current;

            object? IEnumerator.Current => inner.Current;

            public bool MoveNext()
            {
                if (!inner.MoveNext())
                {
                    return false;
                }

                EvaluationBudget.Tick();
                return true;
            }

            public void Reset() => inner.Reset();

            public void Dispose() => inner.Dispose();
        }
    }
}
