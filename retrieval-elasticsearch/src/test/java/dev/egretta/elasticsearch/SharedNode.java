package dev.egretta.elasticsearch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One single-node cluster for all the tests of a test JVM that need one (the contract suite and the
 * backend's own tests): starting a node takes tens of seconds on 2 cores. Stopped by its shutdown hook.
 */
final class SharedNode {
  private static EsTestCluster cluster;

  private SharedNode() {}

  /** The node's URL; skips the calling test, with the reason, when real nodes cannot run here. */
  static synchronized String url() {
    var why = EsTestCluster.unavailable();
    assumeTrue(why.isEmpty(), () -> "Elasticsearch tests skipped: " + why.orElse(""));
    if (cluster == null) {
      cluster = EsTestCluster.start(1);
    }
    return cluster.url();
  }
}
