package dev.egretta.core.metrics;

/**
 * The names of Egretta's meters and observations (Micrometer's dotted form; Prometheus shows
 * {@code egretta.query} as {@code egretta_query_seconds}, {@code egretta.answers} as
 * {@code egretta_answers_total}).
 */
public final class MeterNames {
  /** Timer and observation of a whole query (blocking or streamed); tags {@code model}, {@code outcome}. */
  public static final String QUERY = "egretta.query";
  /** Timer and observation of the retrieval stage. */
  public static final String RETRIEVAL = "egretta.retrieval";
  /** Timer and observation of the reranking stage. */
  public static final String RERANK = "egretta.rerank";
  /** Timer and observation of answer generation; tag {@code model}. */
  public static final String GENERATION = "egretta.generation";
  /** Counter of answers; tags {@code model}, {@code insufficient_context} ({@code true} or {@code false}). */
  public static final String ANSWERS = "egretta.answers";
  /** Counter of model tokens; tags {@code model}, {@code type} ({@code input} or {@code output}). */
  public static final String TOKENS = "egretta.tokens";
  /** Counter of the answers' cost in US dollars (the catalog's prices); tag {@code model}. */
  public static final String COST = "egretta.cost";
  /** Counter of documents an ingestion run looked at; tag {@code outcome} (ingested, unchanged, rejected). */
  public static final String DOCUMENTS = "egretta.documents";

  private MeterNames() {}
}
