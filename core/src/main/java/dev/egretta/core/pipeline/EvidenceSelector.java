package dev.egretta.core.pipeline;

import dev.egretta.core.internal.Terms;
import dev.egretta.core.pipeline.QuestionFocus.Item;
import dev.egretta.core.pipeline.QuestionFocus.SentenceText;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.TextEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Ranks the sentences of retrieved passages by how well they answer a question, from three kinds
 * of evidence:
 *
 * <ul>
 *   <li><b>focus coverage</b>: the weighted share of the question's {@link QuestionFocus} items a
 *       sentence mentions; an item weighs {@code multiplier · ln(1 + (N+1)/(df+1))} over the N
 *       candidate sentences, so the rarest words (and names, numbers, quoted phrases) count most;
 *       items only in a neighbouring sentence count half;</li>
 *   <li><b>answer type</b>: whether the sentence holds the kind of answer asked for ({@link AnswerType},
 *       {@link QuestionFocus#answerFoundIn}); the next sentence counts only after a colon;</li>
 *   <li><b>embedding similarity</b> (with a {@link TextEmbedder}): the cosine of the question (with
 *       its query instruction) and the sentence (as a passage). To stay within the latency budget only
 *       the best {@code embeddedCandidates} sentences by the lexical evidence (at most
 *       {@value #MAX_EMBEDDED_PER_PASSAGE} per passage) are embedded, and sentence vectors are cached
 *       by text ({@link SentenceVectors}).</li>
 * </ul>
 *
 * Score of an embedded sentence: {@code similarity + 0.35·coverage + 0.08·typeFound + 0.05·passageScore};
 * embedded sentences rank above the others, which rank by {@code coverage + 0.25·typeFound +
 * 0.1·passageScore} (the score used throughout when there is no embedder). The same scores serve
 * a citation check: {@link #select} with a claim and the one cited passage says how well its best
 * sentence supports the claim. Thread-safe.
 */
public final class EvidenceSelector {

  /** How many sentences per question are embedded by default. */
  public static final int DEFAULT_EMBEDDED_CANDIDATES = 2;
  /** The most sentences a selector may embed per question. */
  public static final int MAX_EMBEDDED_CANDIDATES = 100;
  static final int MAX_EMBEDDED_PER_PASSAGE = 2;
  /** Only the first words of a long sentence are embedded: the model's cost grows with the length. */
  static final int MAX_EMBEDDED_WORDS = 40;
  static final int SENTENCE_CACHE = 4096;
  static final int MIN_WORDS = 5;
  /** A table-of-contents line ("Scope ........ 4"), never an answer. */
  private static final java.util.regex.Pattern LEADERS = java.util.regex.Pattern.compile("(?:\\.\\s?){4,}|…|_{4,}");
  static final int MAX_WORDS = 80;
  /** Where an enumerated item starts inside a run-on sentence: "...; and 2) ...", "...: a) ...". */
  private static final java.util.regex.Pattern ITEM =
      java.util.regex.Pattern.compile("(?<=[;:,])\\s+(?:and\\s+|or\\s+)?(?=(?:\\d{1,2}|[a-z])\\)\\s)");
  static final double COVERAGE_WEIGHT = 0.35;
  static final double TYPE_WEIGHT = 0.08;
  static final double PASSAGE_WEIGHT = 0.05;
  static final double LEXICAL_TYPE_WEIGHT = 0.25;
  static final double LEXICAL_PASSAGE_WEIGHT = 0.1;

  private final SentenceVectors vectors;
  private final int embeddedCandidates;

  private EvidenceSelector(TextEmbedder embedder, int embeddedCandidates) {
    if (embeddedCandidates < 0 || embeddedCandidates > MAX_EMBEDDED_CANDIDATES) {
      throw new IllegalArgumentException("embeddedCandidates must be 0.." + MAX_EMBEDDED_CANDIDATES + "; got " + embeddedCandidates);
    }
    this.vectors = embedder == null ? null : new SentenceVectors(embedder, SENTENCE_CACHE);
    this.embeddedCandidates = embedder == null ? 0 : embeddedCandidates;
  }

  /** A selector on lexical evidence only (no model). */
  public static EvidenceSelector lexical() {
    return new EvidenceSelector(null, 0);
  }

  /** A selector that also embeds the {@value #DEFAULT_EMBEDDED_CANDIDATES} best lexical candidates. */
  public static EvidenceSelector embedding(TextEmbedder embedder) {
    return embedding(embedder, DEFAULT_EMBEDDED_CANDIDATES);
  }

  /** A selector that also embeds the {@code embeddedCandidates} (0..{@value #MAX_EMBEDDED_CANDIDATES}) best lexical candidates. */
  public static EvidenceSelector embedding(TextEmbedder embedder, int embeddedCandidates) {
    return new EvidenceSelector(Objects.requireNonNull(embedder, "embedder"), embeddedCandidates);
  }

  /** Whether similarities come from an embedding model. */
  public boolean embeds() {
    return vectors != null && embeddedCandidates > 0;
  }

  /**
   * The result of one selection.
   *
   * @param focus the question's focus
   * @param ranked every candidate sentence, best evidence first
   * @param passageCoverage per passage (in the given order), the focus coverage of the whole passage
   * @param unionCoverage the focus coverage of all passages together
   * @param missing the focus items that no passage mentions
   * @param weights each focus item's weight among these passages' sentences (rarest heaviest)
   * @param topic how the question's topic items ({@link QuestionFocus#topic}) are met
   * @param asked how the noun the question asks for ({@link AskedNoun}) is met
   */
  public record Selection(QuestionFocus focus, List<Evidence> ranked, List<Double> passageCoverage, double unionCoverage,
      List<Item> missing, Map<Item, Double> weights, Topic topic, AskedNoun.Met asked) {
    public Selection {
      java.util.Objects.requireNonNull(topic, "topic");
      java.util.Objects.requireNonNull(asked, "asked");
      ranked = List.copyOf(ranked);
      passageCoverage = List.copyOf(passageCoverage);
      missing = List.copyOf(missing);
      weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
    }

    /**
     * The focus coverage of a sentence together with its neighbours, each item counting fully when
     * any of the three mentions it: whether the question's focus is met in one place of the text.
     */
    public double windowCoverage(Evidence e) {
      return coverageOf(weights, weights.values().stream().mapToDouble(Double::doubleValue).sum(), window(e));
    }

    /** Whether the question asks for a noun and the sentence or a neighbour mentions it. */
    public boolean askedIn(Evidence e) {
      return asked.noun() != null && window(e).stream().anyMatch(asked.noun()::in);
    }

    /** Whether the heaviest (rarest) focus item occurs in the sentence or its neighbours. */
    public boolean rarestIn(Evidence e) {
      Item rarest = weights.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
      return rarest != null && window(e).stream().anyMatch(rarest::in);
    }

    /** The sentence of an evidence with its neighbours. */
    private static List<SentenceText> window(Evidence e) {
      List<String> sentences = Terms.sentences(e.passage().text());
      List<SentenceText> window = new ArrayList<>();
      for (int i = Math.max(0, e.sentenceIndex() - 1); i <= Math.min(sentences.size() - 1, e.sentenceIndex() + 1); i++) {
        window.add(SentenceText.of(sentences.get(i)));
      }
      return window;
    }

    /** The best evidence sentence of one passage, if it has a candidate sentence. */
    public java.util.Optional<Evidence> bestIn(int passageIndex) {
      return ranked.stream().filter(e -> e.passageIndex() == passageIndex).findFirst();
    }
  }

  /**
   * Where the question's topic items (its focus without the words that only name the kind of
   * answer) are met, with the selector's weights: an answer states the asked value in the same
   * place as the topic, a passage about the topic mentions it anywhere. Coverages are in [0, 1].
   *
   * @param unionCoverage the weighted share of topic items that some passage mentions
   * @param missingShare the share of topic items (by multiplier, not rarity) that no passage mentions
   * @param typedWindow the best coverage of one sentence with its neighbours among the sentences
   *     that hold the kind of answer asked for (among all sentences when no particular kind is asked)
   * @param bestWindow the coverage of the best evidence sentence with its neighbours
   */
  public record Topic(double unionCoverage, double missingShare, double typedWindow, double bestWindow, double typedSentence) {
    static final Topic NONE = new Topic(0, 0, 0, 0, 0);
  }

  private record Candidate(int passage, int index, String sentence, SentenceText text, SentenceText prev,
      SentenceText next) {}

  private record Key(String question, List<String> chunks, List<Double> scores) {}

  /** The last selections: the context judge and the extractive generator select for the same question. */
  private final Map<Key, Selection> recent = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Selection> eldest) {
      return size() > 16;
    }
  };

  /** Ranks the sentences of {@code passages} as evidence for {@code question}. */
  public Selection select(String question, List<RetrievedPassage> passages) {
    Objects.requireNonNull(question, "question");
    Key key = new Key(question, passages.stream().map(p -> p.chunkId() + "\u0000" + p.text().hashCode()).toList(),
        passages.stream().map(RetrievedPassage::score).toList());
    synchronized (recent) {
      Selection s = recent.get(key);
      if (s != null) {
        return s;
      }
    }
    Selection s = compute(question, passages);
    synchronized (recent) {
      recent.put(key, s);
    }
    return s;
  }

  private Selection compute(String question, List<RetrievedPassage> passages) {
    QuestionFocus focus = QuestionFocus.of(question);
    List<Candidate> candidates = new ArrayList<>();
    List<List<SentenceText>> passageTexts = new ArrayList<>();
    List<String> rawSentences = new ArrayList<>();
    Set<ImpactScope> askedLevels = ImpactScope.asked(question);
    for (int i = 0; i < passages.size(); i++) {
      List<String> sentences = Terms.sentences(passages.get(i).text());
      rawSentences.addAll(sentences);
      List<Set<ImpactScope>> scopes = askedLevels.isEmpty() ? null : ImpactScope.ofSentences(sentences);
      List<SentenceText> texts = sentences.stream().map(SentenceText::of).toList();
      List<SentenceText> withHeading = new ArrayList<>(texts);
      withHeading.add(SentenceText.of(passages.get(i).heading()));
      passageTexts.add(withHeading);
      for (int j = 0; j < sentences.size(); j++) {
        if (scopes != null && ImpactScope.excludes(scopes.get(j), askedLevels)) {
          continue; // a requirement for systems of other impact levels says nothing of the ones asked about
        }
        for (String piece : pieces(sentences.get(j))) {
          int words = piece.split(" ").length;
          if (words >= MIN_WORDS && words <= MAX_WORDS && !LEADERS.matcher(piece).find()) {
            candidates.add(new Candidate(i, j, piece, piece.equals(sentences.get(j)) ? texts.get(j) : SentenceText.of(piece),
                j > 0 ? texts.get(j - 1) : null, j + 1 < texts.size() ? texts.get(j + 1) : null));
          }
        }
      }
    }
    Map<Item, Double> weights = weights(focus, candidates);
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    List<Double> passageCoverage = new ArrayList<>();
    List<SentenceText> all = new ArrayList<>();
    for (List<SentenceText> texts : passageTexts) {
      passageCoverage.add(coverageOf(weights, total, texts));
      all.addAll(texts);
    }
    double union = coverageOf(weights, total, all);
    List<Item> missing = focus.items().stream().filter(item -> all.stream().noneMatch(item::in)).toList();

    int n = candidates.size();
    double[] coverage = new double[n];
    boolean[] typeFound = new boolean[n];
    double[] lexical = new double[n];
    for (int c = 0; c < n; c++) {
      Candidate k = candidates.get(c);
      double covered = 0;
      for (Map.Entry<Item, Double> w : weights.entrySet()) {
        Item item = w.getKey();
        covered += item.in(k.text()) ? w.getValue()
            : (k.prev() != null && item.in(k.prev()) || k.next() != null && item.in(k.next())) ? w.getValue() / 2 : 0;
      }
      coverage[c] = total > 0 ? Math.min(1.0, covered / total) : 0;
      // the quoted sentence itself must hold the answer; the next one only after an introducing colon
      typeFound[c] = focus.answerFoundIn(k.sentence())
          || k.sentence().endsWith(":") && k.next() != null && focus.answerFoundIn(k.next().lower());
      lexical[c] = coverage[c] + (typeFound[c] ? LEXICAL_TYPE_WEIGHT : 0)
          + LEXICAL_PASSAGE_WEIGHT * passages.get(k.passage()).score();
    }
    double[] topicWindow = topicWindows(focus, weights, candidates);
    double[] similarity = similarities(question, candidates, lexical);
    List<Evidence> ranked = new ArrayList<>(n);
    for (int c = 0; c < n; c++) {
      Candidate k = candidates.get(c);
      double score = Double.isNaN(similarity[c]) ? lexical[c]
          : similarity[c] + COVERAGE_WEIGHT * coverage[c] + (typeFound[c] ? TYPE_WEIGHT : 0)
              + PASSAGE_WEIGHT * passages.get(k.passage()).score();
      ranked.add(new Evidence(k.passage(), passages.get(k.passage()), k.index(), k.sentence(), similarity[c], coverage[c],
          typeFound[c], score));
    }
    ranked.sort(Comparator.comparing(Evidence::embedded).reversed()
        .thenComparing(Comparator.comparingDouble(Evidence::score).reversed())
        .thenComparingInt(Evidence::passageIndex).thenComparingInt(Evidence::sentenceIndex));
    return new Selection(focus, ranked, passageCoverage, union, missing, weights,
        topic(focus, weights, all, missing, topicWindow, typeFound, ranked, candidates),
        AskedNoun.of(question).map(a -> a.metIn(all, rawSentences)).orElse(AskedNoun.Met.NONE));
  }

  /** Per candidate, the weighted share of topic items that it or a neighbour mentions. */
  private static double[] topicWindows(QuestionFocus focus, Map<Item, Double> weights, List<Candidate> candidates) {
    List<Item> topic = focus.topic();
    double total = topic.stream().mapToDouble(weights::get).sum();
    double[] out = new double[candidates.size()];
    if (total <= 0) {
      return out;
    }
    for (int c = 0; c < out.length; c++) {
      Candidate k = candidates.get(c);
      double covered = 0;
      for (Item item : topic) {
        if (item.in(k.text()) || k.prev() != null && item.in(k.prev()) || k.next() != null && item.in(k.next())) {
          covered += weights.get(item);
        }
      }
      out[c] = Math.min(1.0, covered / total);
    }
    return out;
  }

  private static Topic topic(QuestionFocus focus, Map<Item, Double> weights, List<SentenceText> all, List<Item> missing,
      double[] topicWindow, boolean[] typeFound, List<Evidence> ranked, List<Candidate> candidates) {
    List<Item> topic = focus.topic();
    if (topic.isEmpty() || candidates.isEmpty()) {
      return Topic.NONE;
    }
    Map<Item, Double> topicWeights = new java.util.LinkedHashMap<>();
    topic.forEach(i -> topicWeights.put(i, weights.get(i)));
    double topicTotal = topicWeights.values().stream().mapToDouble(Double::doubleValue).sum();
    double union = coverageOf(topicWeights, topicTotal, all);
    double multipliers = topic.stream().mapToDouble(Item::multiplier).sum();
    double missingShare = topic.stream().filter(missing::contains).mapToDouble(Item::multiplier).sum() / multipliers;
    double typed = 0;
    double best = 0;
    double typedSentence = 0;
    for (int c = 0; c < topicWindow.length; c++) {
      if (!focus.typed() || typeFound[c]) {
        typed = Math.max(typed, topicWindow[c]);
        typedSentence = Math.max(typedSentence, coverageOf(topicWeights, topicTotal, List.of(candidates.get(c).text())));
      }
      Candidate k = candidates.get(c);
      Evidence first = ranked.getFirst();
      if (k.passage() == first.passageIndex() && k.index() == first.sentenceIndex() && k.sentence().equals(first.sentence())) {
        best = topicWindow[c];
      }
    }
    return new Topic(union, missingShare, typed, best, typedSentence);
  }

  /** Cosines for the best lexical candidates (NaN for the others, and for all without an embedder). */
  private double[] similarities(String question, List<Candidate> candidates, double[] lexical) {
    double[] sims = new double[candidates.size()];
    java.util.Arrays.fill(sims, Double.NaN);
    if (!embeds() || candidates.isEmpty()) {
      return sims;
    }
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < candidates.size(); c++) {
      order.add(c);
    }
    order.sort(Comparator.comparingDouble((Integer c) -> -lexical[c]).thenComparingInt(c -> c));
    List<Integer> chosen = new ArrayList<>();
    Map<Integer, Integer> perPassage = new HashMap<>();
    for (int c : order) {
      if (chosen.size() == embeddedCandidates) {
        break;
      }
      if (perPassage.merge(candidates.get(c).passage(), 1, Integer::sum) <= MAX_EMBEDDED_PER_PASSAGE) {
        chosen.add(c);
      }
    }
    float[] q = vectors.embedder().embedQuery(question);
    List<float[]> vs = vectors.of(chosen.stream().map(c -> embeddedText(candidates.get(c).sentence())).toList());
    for (int i = 0; i < chosen.size(); i++) {
      sims[chosen.get(i)] = TextEmbedder.cosine(q, vs.get(i));
    }
    return sims;
  }

  /**
   * A sentence as candidates: itself, or when longer than {@value #MAX_WORDS} words (a control's
   * whole list of requirements run together: "1) Review ...; and 2) Retain ...; a) ..."), its
   * enumerated items, each quoted verbatim.
   */
  static List<String> pieces(String sentence) {
    if (sentence.split(" ").length <= MAX_WORDS) {
      return List.of(sentence);
    }
    List<String> out = new ArrayList<>();
    for (String p : ITEM.split(sentence)) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  private static String embeddedText(String sentence) {
    String[] words = sentence.split(" ");
    return words.length <= MAX_EMBEDDED_WORDS ? sentence : String.join(" ", java.util.Arrays.copyOf(words, MAX_EMBEDDED_WORDS));
  }

  private static Map<Item, Double> weights(QuestionFocus focus, List<Candidate> candidates) {
    int n = candidates.size();
    Map<Item, Double> weights = new java.util.LinkedHashMap<>();
    for (Item item : focus.items()) {
      long df = candidates.stream().filter(c -> item.in(c.text())).count();
      weights.put(item, item.multiplier() * Math.log(1.0 + (n + 1.0) / (df + 1.0)));
    }
    return weights;
  }

  private static double coverageOf(Map<Item, Double> weights, double total, List<SentenceText> texts) {
    if (total <= 0) {
      return 0;
    }
    double covered = 0;
    for (Map.Entry<Item, Double> w : weights.entrySet()) {
      if (texts.stream().anyMatch(t -> w.getKey().in(t))) {
        covered += w.getValue();
      }
    }
    return Math.min(1.0, covered / total);
  }
}
