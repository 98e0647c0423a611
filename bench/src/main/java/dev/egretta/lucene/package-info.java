/**
 * JMH microbenchmarks of retrieval-lucene's package-private hot paths (chunking, query building, search
 * with fusion). They live in the module's package (a split package on the class path, which the bench
 * module is allowed because it is never shipped) so that they measure the real code, not a copy; a
 * refactoring of those internals must update them.
 */
package dev.egretta.lucene;
