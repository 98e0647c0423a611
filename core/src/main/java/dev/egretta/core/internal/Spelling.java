package dev.egretta.core.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * British and American spellings of one word ({@code organisation} / {@code organization},
 * {@code behaviour} / {@code behavior}, {@code centre} / {@code center}). A question written in one
 * variety meets documents written in the other: the lexical side of search, the focus terms of the
 * answerability decision and the citation check would otherwise miss the word. By rules for the
 * regular families (-ise/-ize, -yse/-yze, -our/-or of a closed list of stems, -lled/-led of a closed
 * list, ae/oe in medical stems) and a small word list for the rest. Words are lower case.
 */
public final class Spelling {

  /** British → American words that no rule covers. */
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("centre", "center"), Map.entry("centres", "centers"), Map.entry("centred", "centered"),
      Map.entry("metre", "meter"), Map.entry("metres", "meters"), Map.entry("litre", "liter"), Map.entry("litres", "liters"),
      Map.entry("fibre", "fiber"), Map.entry("fibres", "fibers"), Map.entry("theatre", "theater"),
      Map.entry("calibre", "caliber"), Map.entry("spectre", "specter"), Map.entry("manoeuvre", "maneuver"),
      Map.entry("programme", "program"), Map.entry("programmes", "programs"),
      Map.entry("catalogue", "catalog"), Map.entry("catalogues", "catalogs"), Map.entry("catalogued", "cataloged"),
      Map.entry("dialogue", "dialog"), Map.entry("analogue", "analog"),
      Map.entry("licence", "license"), Map.entry("licences", "licenses"), Map.entry("defence", "defense"),
      Map.entry("defences", "defenses"), Map.entry("offence", "offense"), Map.entry("offences", "offenses"),
      Map.entry("pretence", "pretense"), Map.entry("practise", "practice"), Map.entry("practised", "practiced"),
      Map.entry("judgement", "judgment"), Map.entry("judgements", "judgments"),
      Map.entry("acknowledgement", "acknowledgment"), Map.entry("acknowledgements", "acknowledgments"),
      Map.entry("ageing", "aging"), Map.entry("grey", "gray"), Map.entry("artefact", "artifact"),
      Map.entry("artefacts", "artifacts"), Map.entry("sceptical", "skeptical"), Map.entry("mould", "mold"),
      Map.entry("aluminium", "aluminum"),
      Map.entry("enrol", "enroll"), Map.entry("enrols", "enrolls"), Map.entry("enrolment", "enrollment"),
      Map.entry("enrolments", "enrollments"), Map.entry("fulfil", "fulfill"), Map.entry("fulfils", "fulfills"),
      Map.entry("fulfilment", "fulfillment"), Map.entry("instalment", "installment"),
      Map.entry("instalments", "installments"), Map.entry("skilful", "skillful"), Map.entry("wilful", "willful"),
      Map.entry("instil", "instill"), Map.entry("distil", "distill"));

  private static final Map<String, String> AMERICAN_WORDS = inverse(WORDS);

  /** Stems spelt -our in British English, -or in American ({@code behavi}our, {@code col}our). */
  private static final String OUR_STEMS =
      "behavi|col|fav|hon|lab|neighb|harb|hum|rum|vap|vig|endeav|arm|sav|flav|od|rig|tum|clam|demean|ferv|cand|splend|val|parl";
  private static final String OUR_ENDINGS = "|s|ed|ing|al|ally|able|ably|ite|ites|er|ers|ful|less|y|ist|ists";
  private static final String OUR_WORD = "((?:un|dis|mis|counter|ill)?(?:" + OUR_STEMS + "))";
  private static final Pattern BRITISH_OUR = Pattern.compile(OUR_WORD + "our(" + OUR_ENDINGS + ")");
  private static final Pattern AMERICAN_OR = Pattern.compile(OUR_WORD + "or(" + OUR_ENDINGS + ")");

  /** -ise/-isation (British) and -ize/-ization; three letters at least before, so size, seize and rise are left alone. */
  private static final String IZE_ENDINGS = "e|ed|es|ing|ation|ations|ational|er|ers|able";
  private static final Pattern BRITISH_ISE = Pattern.compile("(\\p{L}{3,})is(" + IZE_ENDINGS + ")");
  private static final Pattern AMERICAN_IZE = Pattern.compile("(\\p{L}{3,})iz(" + IZE_ENDINGS + ")");
  /**
   * Stems (before "is") of words spelt -ise in American English too: advise, revise, supervise (v),
   * otherwise, likewise (w), disguise, cruise (u), surprise, comprise, enterprise (pr), and these.
   */
  private static final Set<String> ALWAYS_ISE = Set.of("exerc", "prec", "conc", "exc", "inc", "circumc", "comprom",
      "prem", "prom", "dem", "expert", "advert", "chast", "franch", "merchand", "treat", "parad", "desp", "pra");

  private static boolean alwaysIse(String stem) {
    return stem.endsWith("w") || stem.endsWith("v") || stem.endsWith("u") || stem.endsWith("pr") || ALWAYS_ISE.contains(stem);
  }

  /** -yse (British) and -yze: analyse, paralyse, catalyse. */
  private static final Pattern BRITISH_YSE = Pattern.compile("(\\p{L}{2,})ys(e|ed|es|ing|er|ers)");
  private static final Pattern AMERICAN_YZE = Pattern.compile("(\\p{L}{2,})yz(e|ed|es|ing|er|ers)");

  /** Verbs that double a final l before -ed/-ing/-er in British English only. */
  private static final String L_STEMS = "travel|label|cancel|model|level|signal|total|fuel|channel|counsel|tunnel|funnel"
      + "|marshal|dial|panel|jewel|rival|equal|shovel|quarrel|pedal|duel|libel|parcel|pencil|initial|tranquil";
  private static final String L_ENDINGS = "ed|ing|er|ers|or|ors";
  private static final String L_WORD = "((?:re|un|mis|de)?(?:" + L_STEMS + "))";
  private static final Pattern BRITISH_LL = Pattern.compile(L_WORD + "l(" + L_ENDINGS + ")");
  private static final Pattern AMERICAN_L = Pattern.compile(L_WORD + "(" + L_ENDINGS + ")");

  /** Medical stems with ae/oe in British English (haemoglobin, paediatric, oestrogen). */
  private static final List<String[]> MEDICAL = List.of(
      new String[] {"haem", "hem"}, new String[] {"paed", "ped"}, new String[] {"oestr", "estr"},
      new String[] {"anaem", "anem"}, new String[] {"anaes", "anes"}, new String[] {"leukaem", "leukem"},
      new String[] {"oedem", "edem"}, new String[] {"foet", "fet"}, new String[] {"diarrhoe", "diarrhe"},
      new String[] {"oesophag", "esophag"}, new String[] {"orthopaed", "orthoped"}, new String[] {"gynaec", "gynec"},
      new String[] {"faec", "fec"}, new String[] {"ischaem", "ischem"}, new String[] {"coeliac", "celiac"},
      new String[] {"septicaem", "septicem"}, new String[] {"hyperaem", "hyperem"}, new String[] {"glycaem", "glycem"},
      new String[] {"hypoglycaem", "hypoglycem"}, new String[] {"hyperglycaem", "hyperglycem"});
  /** American medical stems whose British form is the only other one ("hemisphere" has none). */
  private static final Pattern AMERICAN_MEDICAL = Pattern.compile(
      "(hemat|hemo|hemorrh|pediatr|estrog|estrad|anemi|anesth|leukem|edem|fetus|fetal|diarrhe|esophag|orthoped|gynec"
          + "|fecal|feces|ischem|celiac|septicem|hyperem|glycem|hypoglycem|hyperglycem).*");

  private Spelling() {}

  /** One regular family: a word that {@code from} matches, unless its stem keeps its spelling, becomes {@code to}. */
  private record Rule(Pattern from, String to, boolean checkIse) {
    String apply(String word) {
      Matcher m = from.matcher(word);
      return m.matches() && !(checkIse && alwaysIse(m.group(1))) ? m.replaceFirst(to) : null;
    }
  }

  private static final List<Rule> TO_AMERICAN = List.of(new Rule(BRITISH_ISE, "$1iz$2", true),
      new Rule(BRITISH_YSE, "$1yz$2", false), new Rule(BRITISH_OUR, "$1or$2", false), new Rule(BRITISH_LL, "$1$2", false));
  private static final List<Rule> TO_BRITISH = List.of(new Rule(AMERICAN_IZE, "$1is$2", false),
      new Rule(AMERICAN_YZE, "$1ys$2", false), new Rule(AMERICAN_OR, "$1our$2", false), new Rule(AMERICAN_L, "$1l$2", false));

  /** The American spelling of a lower-case word; the word itself when it has no British form. */
  public static String american(String word) {
    return respell(word, WORDS, TO_AMERICAN, true);
  }

  /** The British spelling of a lower-case word; the word itself when it has no American form. */
  public static String british(String word) {
    return respell(word, AMERICAN_WORDS, TO_BRITISH, false);
  }

  private static String respell(String word, Map<String, String> words, List<Rule> rules, boolean toAmerican) {
    String w = words.get(word);
    if (w != null) {
      return w;
    }
    for (Rule rule : rules) {
      String out = rule.apply(word);
      if (out != null) {
        return out;
      }
    }
    if (toAmerican || AMERICAN_MEDICAL.matcher(word).matches()) {
      for (String[] pair : MEDICAL) {
        String from = pair[toAmerican ? 0 : 1];
        if (word.startsWith(from)) {
          return pair[toAmerican ? 1 : 0] + word.substring(from.length());
        }
      }
    }
    return word;
  }

  /**
   * The words of {@code text} (lower-cased) spelt the other way, each once, in order: what a search
   * adds to a question so that it finds documents written in the other variety.
   */
  public static List<String> otherSpellings(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String token : Terms.words(text)) {
      String word = Terms.withoutPossessive(token);
      String other = american(word);
      if (other.equals(word)) {
        other = british(word);
      }
      if (!other.equals(word)) {
        out.add(other);
      }
    }
    return List.copyOf(out);
  }

  private static Map<String, String> inverse(Map<String, String> map) {
    Map<String, String> out = new java.util.HashMap<>();
    map.forEach((k, v) -> out.putIfAbsent(v, k));
    return Map.copyOf(out);
  }
}
