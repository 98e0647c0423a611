package dev.egretta.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents of each scope filter, per segment, as cached bit sets. kNN search turns its filter
 * into a bit set of every matching document before it walks the graph; for the scope filter (a
 * conjunction of four terms that most chunks match) that pass over the postings cost more than the
 * graph search itself: 2.2 of 2.5 ms per query at 100k chunks, and grew linearly with the corpus.
 * Lucene's own query cache did not keep these filters (0 entries cached over 600 kNN queries). A
 * segment never changes, so its bit set stays right until the segment is closed; deletions are
 * applied by the search itself. Bounded to {@value #MAX_ENTRIES} entries (a 1M-document segment
 * takes 125 KB); thread-safe.
 */
final class ScopeBitSets {
  private static final int MAX_ENTRIES = 64;

  private record Key(Object segment, Query filter) {}

  /** A segment's documents in one scope, and how many they are (counted once, when cached). */
  record LeafScope(FixedBitSet bits, int count) {}

  private final Map<Key, LeafScope> sets = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, LeafScope> eldest) {
      return size() > MAX_ENTRIES;
    }
  };
  private final Map<Object, Boolean> listening = new java.util.WeakHashMap<>();

  /** A query matching exactly what {@code filter} matches, answered from the cache. */
  Query cached(Query filter) {
    return new CachedFilter(Objects.requireNonNull(filter, "filter"), this);
  }

  /** The documents {@code filter} matches in each leaf of the searcher's reader, in leaf order. */
  List<LeafScope> perLeaf(IndexSearcher searcher, Query filter) throws IOException {
    List<LeafScope> out = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      out.add(bits(searcher, filter, leaf));
    }
    return out;
  }

  private LeafScope bits(IndexSearcher searcher, Query filter, LeafReaderContext leaf) throws IOException {
    IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
    Key key = helper == null ? null : new Key(helper.getKey(), filter);
    if (key != null) {
      synchronized (this) {
        LeafScope known = sets.get(key);
        if (known != null) {
          return known;
        }
      }
    }
    Weight weight = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
    Scorer scorer = weight.scorer(leaf);
    FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
    if (scorer != null) {
      bits.or(scorer.iterator());
    }
    LeafScope scope = new LeafScope(bits, bits.cardinality());
    if (key != null) {
      synchronized (this) {
        sets.put(key, scope);
        if (listening.put(helper.getKey(), Boolean.TRUE) == null) {
          helper.addClosedListener(this::evict);
        }
      }
    }
    return scope;
  }

  private synchronized void evict(Object segment) {
    sets.keySet().removeIf(k -> k.segment() == segment);
    listening.remove(segment);
  }

  /** The filter as a query whose per-segment documents come from the cache. */
  private static final class CachedFilter extends Query {
    private final Query filter;
    private final ScopeBitSets cache;

    CachedFilter(Query filter, ScopeBitSets cache) {
      this.filter = filter;
      this.cache = cache;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
      return new ConstantScoreWeight(this, boost) {
        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext leaf) throws IOException {
          LeafScope scope = cache.bits(searcher, filter, leaf);
          if (scope.count() == 0) {
            return null;
          }
          return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, new BitSetIterator(scope.bits(), scope.count())));
        }

        @Override
        public boolean isCacheable(LeafReaderContext leaf) {
          return false; // cached here already
        }
      };
    }

    @Override
    public String toString(String field) {
      return "cached(" + filter.toString(field) + ")";
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
      return sameClassAs(other) && filter.equals(((CachedFilter) other).filter) && cache == ((CachedFilter) other).cache;
    }

    @Override
    public int hashCode() {
      return classHash() * 31 + filter.hashCode();
    }
  }
}
