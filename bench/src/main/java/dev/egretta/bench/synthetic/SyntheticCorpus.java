package dev.egretta.bench.synthetic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic corpus that looks like a real one to a search engine, and the topic model
 * behind it (which {@link SyntheticEmbeddingModel} uses to turn text into vectors).
 *
 * <ul>
 *   <li>documents of about {@value #WORDS_PER_DOCUMENT} words in pages of ~{@value #WORDS_PER_PAGE} words,
 *       each on one topic; topic popularity is Zipfian and the number of topics grows with the square root
 *       of the corpus size;
 *   <li>every word is drawn either from a global Zipfian vocabulary of pronounceable pseudo-words (so
 *       function words dominate, as in English) or from the document's topic, whose own words are a
 *       Zipf-weighted slice of the content vocabulary.
 * </ul>
 *
 * Document {@code d} is a pure function of ({@code seed}, {@code d}): nothing is held in memory but the
 * topic model. Thread-safe.
 */
public final class SyntheticCorpus {
  public static final int DIMENSIONS = 384;
  static final int WORDS_PER_DOCUMENT = 3000;
  static final int WORDS_PER_PAGE = 450;
  static final int TOPIC_WORDS = 400;
  static final int SUPER_TOPICS = 24;
  static final int FUNCTION_WORDS = 300;
  static final int LATENT = 16;
  static final int DOCUMENT_WORDS = 120;

  private final int documents;
  private final long seed;
  private final ZipfVocabulary vocabulary;
  private final int topics;
  private final double[] topicCdf;
  private final double[] topicWordCdf;
  private final double[] documentWordCdf;
  private final int[][] topicWords;
  private final Map<String, Word> words;
  final float[] mean;
  final float[][] superCentroids;
  final float[][] topicCentroids;
  final float[][][] superBasis;

  /** A corpus of {@code documents} documents. */
  public SyntheticCorpus(int documents, long seed) {
    if (documents < 1) {
      throw new IllegalArgumentException("a corpus needs at least one document; got " + documents);
    }
    this.documents = documents;
    this.seed = seed;
    this.vocabulary = new ZipfVocabulary(60_000, 1.05);
    this.topics = Math.max(20, (int) Math.round(12 * Math.sqrt(documents)));
    this.topicCdf = ZipfVocabulary.zipfCdf(topics, 0.7);
    this.topicWordCdf = ZipfVocabulary.zipfCdf(TOPIC_WORDS, 0.9);
    this.documentWordCdf = ZipfVocabulary.zipfCdf(DOCUMENT_WORDS, 0.8);
    SplittableRandom r = new SplittableRandom(seed);
    this.mean = unitGaussian(r, DIMENSIONS);
    this.superCentroids = new float[SUPER_TOPICS][];
    this.superBasis = new float[SUPER_TOPICS][LATENT][];
    for (int s = 0; s < SUPER_TOPICS; s++) {
      superCentroids[s] = unitGaussian(r, DIMENSIONS);
      for (int j = 0; j < LATENT; j++) {
        superBasis[s][j] = unitGaussian(r, DIMENSIONS);
      }
    }
    this.topicCentroids = new float[topics][];
    this.topicWords = new int[topics][TOPIC_WORDS];
    Map<String, List<Integer>> byWord = new HashMap<>();
    for (int t = 0; t < topics; t++) {
      topicCentroids[t] = unitGaussian(r, DIMENSIONS);
      for (int w = 0; w < TOPIC_WORDS; w++) {
        int rank = FUNCTION_WORDS + r.nextInt(vocabulary.size() - FUNCTION_WORDS);
        topicWords[t][w] = rank;
        byWord.computeIfAbsent(vocabulary.wordAt(rank), k -> new ArrayList<>()).add(t);
      }
    }
    this.words = new HashMap<>(byWord.size() * 2);
    byWord.forEach((w, ts) -> {
      float[] latent = new float[LATENT];
      SplittableRandom wr = new SplittableRandom(mix(seed, w.hashCode()));
      for (int j = 0; j < LATENT; j++) {
        latent[j] = (float) wr.nextGaussian();
      }
      words.put(w, new Word(ts.stream().mapToInt(Integer::intValue).distinct().toArray(), latent));
    });
  }

  /** A content word: the topics it belongs to and its fixed random direction in the lexical subspace. */
  record Word(int[] topics, float[] latent) {}

  /** A corpus expected to give about {@code chunks} chunks when a document gives {@code chunksPerDocument}. */
  public static SyntheticCorpus forChunks(int chunks, double chunksPerDocument, long seed) {
    return new SyntheticCorpus(Math.max(1, (int) Math.round(chunks / chunksPerDocument)), seed);
  }

  public int documents() {
    return documents;
  }

  public int topics() {
    return topics;
  }

  /** The topic of document {@code d}. */
  public int topicOf(int d) {
    return ZipfVocabulary.sampleRank(topicCdf, new SplittableRandom(mix(seed, 1_000_003L * d)));
  }

  /** The text of document {@code d}: sentences of 8-20 words, pages separated by form feeds. */
  public String text(int d) {
    SplittableRandom r = new SplittableRandom(mix(seed ^ 0x5DEECE66DL, d));
    int topic = topicOf(d);
    // each document favours its own slice of the topic's words, so its chunks are closer to each other
    // than to other documents of the topic (lexically, and so in vector space)
    int[] own = new int[DOCUMENT_WORDS];
    for (int k = 0; k < DOCUMENT_WORDS; k++) {
      own[k] = topicWords[topic][ZipfVocabulary.sampleRank(topicWordCdf, r)];
    }
    int length = WORDS_PER_DOCUMENT - 300 + r.nextInt(601);
    StringBuilder sb = new StringBuilder(length * 9);
    int sentence = 0;
    int sentenceLength = 8 + r.nextInt(13);
    for (int w = 0; w < length; w++) {
      if (w > 0) {
        if (sentence == sentenceLength) {
          sb.append(w % WORDS_PER_PAGE < sentenceLength ? ".\f" : ". ");
          sentence = 0;
          sentenceLength = 8 + r.nextInt(13);
        } else {
          sb.append(' ');
        }
      }
      double u = r.nextDouble();
      sb.append(u < 0.6 ? vocabulary.wordAt(vocabulary.sampleRank(r))
          : u < 0.9 ? vocabulary.wordAt(own[ZipfVocabulary.sampleRank(documentWordCdf, r)])
          : topicWord(topic, r));
      sentence++;
    }
    return sb.append('.').toString();
  }

  /** Query {@code q}: 3-8 words, mostly from the topic of a document chosen by {@code q}. */
  public String query(int q) {
    SplittableRandom r = new SplittableRandom(mix(seed ^ 0x2545F4914F6CDD1DL, q));
    int topic = topicOf(r.nextInt(documents));
    int words = 3 + r.nextInt(6);
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        sb.append(' ');
      }
      sb.append(r.nextDouble() < 0.2 ? vocabulary.wordAt(vocabulary.sampleRank(r)) : topicWord(topic, r));
    }
    return sb.toString();
  }

  /** The content word {@code word}, or null for function words and unknown words. */
  Word word(String word) {
    return words.get(word);
  }

  private String topicWord(int topic, SplittableRandom r) {
    return vocabulary.wordAt(topicWords[topic][ZipfVocabulary.sampleRank(topicWordCdf, r)]);
  }

  static float[] unitGaussian(SplittableRandom r, int dims) {
    float[] v = new float[dims];
    double norm = 0;
    for (int d = 0; d < dims; d++) {
      v[d] = (float) r.nextGaussian();
      norm += v[d] * v[d];
    }
    float inv = (float) (1 / Math.sqrt(norm));
    for (int d = 0; d < dims; d++) {
      v[d] *= inv;
    }
    return v;
  }

  static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
