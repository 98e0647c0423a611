package dev.egretta.core.pipeline;

import dev.egretta.api.Mode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The default {@link ModeRouter}: advisory when the question asks for guidance, a recommendation
 * or an approach ("how should we ...", "best practice", "recommend", "what should", "strategy",
 * "improve", "tips", "advice", "prioritise", "help us"), unless it also asks what a text requires
 * ("required", "must", "mandatory", "deadline", "according to", "what does ... say"); compliance
 * otherwise, because accuracy is the safe default.
 */
public final class KeywordModeRouter implements ModeRouter {

  private static final List<Pattern> ADVISORY = patterns(
      "\\bhow (should|could|can|do|might) (we|i|our|an? (organi[sz]ation|agency|company|team|firm))\\b",
      "\\bwhat should\\b", "\\bshould (we|i)\\b", "\\bbest practices?\\b", "\\brecommend", "\\badvi[cs]e\\b",
      "\\bstrateg", "\\bimprove\\b", "\\btips?\\b", "\\bprioriti[sz]e", "\\bhelp (us|me)\\b", "\\bapproach\\b",
      "\\bguidance on\\b", "\\bways? to\\b", "\\bsuggest", "\\bplan for\\b", "\\bprepare for\\b");

  private static final List<Pattern> COMPLIANCE = patterns(
      "\\brequire", "\\bmust\\b", "\\bmandatory\\b", "\\bdeadlines?\\b", "\\baccording to\\b",
      "\\bwhat does .* (say|state|define|specify)\\b", "\\bdefin(e|ition)\\b", "\\bsection\\b", "\\bobligat",
      "\\bcompl(y|iance) with\\b");

  @Override
  public Mode route(String question) {
    String q = question.toLowerCase(Locale.ROOT);
    boolean advisory = ADVISORY.stream().anyMatch(p -> p.matcher(q).find());
    boolean compliance = COMPLIANCE.stream().anyMatch(p -> p.matcher(q).find());
    return advisory && !compliance ? Mode.ADVISORY : Mode.COMPLIANCE;
  }

  private static List<Pattern> patterns(String... regex) {
    return java.util.Arrays.stream(regex).map(Pattern::compile).toList();
  }
}
