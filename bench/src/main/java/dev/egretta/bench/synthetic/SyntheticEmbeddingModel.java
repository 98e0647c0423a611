package dev.egretta.bench.synthetic;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A LangChain4j {@link EmbeddingModel} for the synthetic corpus that costs microseconds instead of the
 * real model's tens of milliseconds, so that scale curves measure the index and not the embedder. It
 * maps text to 384-dimension unit vectors with the structure real sentence embeddings have:
 *
 * <pre>
 *   v = normalise( a·mean                                    shared direction: every pair has cosine > 0
 *                + Σ_t w_t ( b·super(t) + c·centroid(t)       mixture of Gaussians around topic centroids
 *                          + d·B(super(t))·latent(words) )    a 16-dimension lexical subspace per super-topic
 *                + e·noise(hash(text)) )                      isotropic remainder
 * </pre>
 *
 * where {@code w_t} are the (squared, normalised) votes of the text's words for the corpus topics, and
 * {@code latent(words)} sums a fixed random 16-vector per content word, so texts that share words are
 * close (as with a real model, lexical and semantic evidence agree in part). Deterministic; thread-safe.
 */
public final class SyntheticEmbeddingModel implements EmbeddingModel {
  static final float A_MEAN = 0.67f;
  static final float B_SUPER = 0.22f;
  static final float C_TOPIC = 0.35f;
  static final float D_LEXICAL = 0.57f;
  static final float E_NOISE = 0.22f;
  private static final int TOP_TOPICS = 3;

  private final SyntheticCorpus corpus;

  public SyntheticEmbeddingModel(SyntheticCorpus corpus) {
    this.corpus = corpus;
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    List<Embedding> out = new ArrayList<>(segments.size());
    float[] v = new float[SyntheticCorpus.DIMENSIONS];
    for (TextSegment s : segments) {
      out.add(Embedding.from(vector(s.text(), v).clone()));
    }
    return Response.from(out);
  }

  @Override
  public int dimension() {
    return SyntheticCorpus.DIMENSIONS;
  }

  @Override
  public String modelName() {
    return "synthetic-zipf-topics-v1";
  }

  /** The vector of {@code text}, written into {@code out}. */
  public float[] vector(String text, float[] out) {
    int[] votes = new int[corpus.topics()];
    int[] touched = new int[64];
    int touchedCount = 0;
    float[] latent = new float[SyntheticCorpus.LATENT];
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        SyntheticCorpus.Word word = corpus.word(text.substring(start, i).toLowerCase(java.util.Locale.ROOT));
        if (word != null) {
          for (int t : word.topics()) {
            if (votes[t]++ == 0) {
              if (touchedCount == touched.length) {
                touched = java.util.Arrays.copyOf(touched, touched.length * 2);
              }
              touched[touchedCount++] = t;
            }
          }
          float[] wl = word.latent();
          for (int j = 0; j < latent.length; j++) {
            latent[j] += wl[j];
          }
        }
        start = -1;
      }
    }
    int dims = SyntheticCorpus.DIMENSIONS;
    for (int d = 0; d < dims; d++) {
      out[d] = A_MEAN * corpus.mean[d];
    }
    normaliseInPlace(latent);
    int[] top = new int[TOP_TOPICS];
    int found = 0;
    for (int k = 0; k < TOP_TOPICS; k++) {
      int best = -1;
      for (int i = 0; i < touchedCount; i++) {
        int t = touched[i];
        if (votes[t] > 0 && (best < 0 || votes[t] > votes[best] || (votes[t] == votes[best] && t < best))) {
          best = t;
        }
      }
      if (best < 0) {
        break;
      }
      top[found++] = best;
      votes[best] = -votes[best]; // taken; remember the count as a negative number
    }
    double total = 0;
    for (int k = 0; k < found; k++) {
      total += Math.pow(votes[top[k]], 2);
    }
    for (int k = 0; k < found; k++) {
      int t = top[k];
      float w = (float) (Math.pow(votes[t], 2) / total);
      float[] sup = corpus.superCentroids[t % SyntheticCorpus.SUPER_TOPICS];
      float[] cen = corpus.topicCentroids[t];
      float[][] basis = corpus.superBasis[t % SyntheticCorpus.SUPER_TOPICS];
      for (int d = 0; d < dims; d++) {
        out[d] += w * (B_SUPER * sup[d] + C_TOPIC * cen[d]);
      }
      for (int j = 0; j < latent.length; j++) {
        float lj = w * D_LEXICAL * latent[j];
        float[] bj = basis[j];
        for (int d = 0; d < dims; d++) {
          out[d] += lj * bj[d];
        }
      }
    }
    SplittableRandom noise = new SplittableRandom(SyntheticCorpus.mix(text.hashCode(), text.length()));
    float scale = (float) (E_NOISE / Math.sqrt(dims));
    for (int d = 0; d < dims; d++) {
      out[d] += scale * (float) noise.nextGaussian();
    }
    normaliseInPlace(out);
    return out;
  }

  private static void normaliseInPlace(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    if (sum == 0) {
      return;
    }
    float inv = (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
  }
}
