package dev.egretta.lucene;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egretta.core.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, as configured by a Hugging Face {@code tokenizer.json} (bge-small's):
 * special tokens matched in the raw text, then {@code BertNormalizer} (clean text, space around CJK
 * ideographs, strip accents, lowercase), {@code BertPreTokenizer} (split on whitespace and punctuation) and
 * greedy longest-match-first WordPiece. It gives the ids of Hugging Face's Rust tokenizer, checked against it
 * over the SciFact and ObliQA corpora and random Unicode text ({@code WordPieceTokenizerTest}).
 *
 * <p>Why not the Rust tokenizer through DJL: its binding took 14x as long per text (830 against 58 us per
 * SciFact abstract), its token counts were cut at the 512 the model reads, and it needs a native library
 * for the platform. This is plain Java and thread-safe (immutable after construction).
 */
final class WordPieceTokenizer {
  private static final String CONTINUATION = "##";

  private final Map<String, Integer> vocabulary;
  private final Map<String, Integer> continuations;
  /** Special tokens ([CLS], [SEP], ...) by their text, matched verbatim before normalization. */
  private final String[] specialTexts;
  private final int[] specialIds;
  private final int unknown;
  private final int classify;
  private final int separator;
  private final int maxWordChars;

  private WordPieceTokenizer(Map<String, Integer> vocabulary, String[] specialTexts, int[] specialIds,
      String unknownToken, int maxWordChars) {
    this.vocabulary = vocabulary;
    // Continuation pieces by their text after "##", so that a lookup needs no concatenation.
    this.continuations = new HashMap<>();
    vocabulary.forEach((piece, id) -> {
      if (piece.startsWith(CONTINUATION) && piece.length() > CONTINUATION.length()) {
        continuations.put(piece.substring(CONTINUATION.length()), id);
      }
    });
    this.specialTexts = specialTexts;
    this.specialIds = specialIds;
    this.unknown = require(vocabulary, unknownToken);
    this.classify = require(vocabulary, "[CLS]");
    this.separator = require(vocabulary, "[SEP]");
    this.maxWordChars = maxWordChars;
  }

  private static int require(Map<String, Integer> vocabulary, String token) {
    Integer id = vocabulary.get(token);
    if (id == null) {
      throw new ConfigurationException("the tokenizer's vocabulary has no " + token + " token");
    }
    return id;
  }

  /**
   * Reads a {@code tokenizer.json}; refuses (with the setting named) any configuration other than BERT's
   * normalizer, pre-tokenizer and WordPiece model with lowercasing, since only that one is implemented here.
   */
  static WordPieceTokenizer read(InputStream tokenizerJson) throws IOException {
    Map<String, Integer> vocabulary = null;
    JsonNode normalizer = null;
    JsonNode preTokenizer = null;
    JsonNode added = null;
    String modelType = null;
    String unknownToken = "[UNK]";
    String prefix = CONTINUATION;
    int maxWordChars = 100;
    ObjectMapper mapper = new ObjectMapper();
    // Streamed, without canonicalizing field names: the vocabulary's 30k names are each read once, and
    // Jackson's symbol table for them cost more than the rest of the parse.
    JsonFactory factory = JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();
    try (JsonParser p = factory.createParser(tokenizerJson)) {
      p.setCodec(mapper);
      expect(p.nextToken() == JsonToken.START_OBJECT, "a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "normalizer" -> normalizer = p.readValueAsTree();
          case "pre_tokenizer" -> preTokenizer = p.readValueAsTree();
          case "added_tokens" -> added = p.readValueAsTree();
          case "model" -> {
            expect(p.currentToken() == JsonToken.START_OBJECT, "\"model\" as an object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String key = p.currentName();
              p.nextToken();
              switch (key) {
                case "type" -> modelType = p.getValueAsString();
                case "unk_token" -> unknownToken = p.getValueAsString();
                case "continuing_subword_prefix" -> prefix = p.getValueAsString();
                case "max_input_chars_per_word" -> maxWordChars = p.getIntValue();
                case "vocab" -> vocabulary = readVocabulary(p);
                default -> p.skipChildren();
              }
            }
          }
          default -> p.skipChildren();
        }
      }
    }
    expect("WordPiece".equals(modelType), "model.type WordPiece (found " + modelType + ")");
    expect(CONTINUATION.equals(prefix), "model.continuing_subword_prefix \"##\" (found " + prefix + ")");
    expect(vocabulary != null && !vocabulary.isEmpty(), "a model.vocab");
    expect(normalizer != null && normalizer.path("type").asText().equals("BertNormalizer")
        && normalizer.path("clean_text").asBoolean(false) && normalizer.path("handle_chinese_chars").asBoolean(false)
        && normalizer.path("lowercase").asBoolean(false)
        && (normalizer.path("strip_accents").isNull() || normalizer.path("strip_accents").asBoolean(false)),
        "normalizer BertNormalizer with clean_text, handle_chinese_chars, lowercase and accent stripping (found "
            + normalizer + ")");
    expect(preTokenizer != null && preTokenizer.path("type").asText().equals("BertPreTokenizer"),
        "pre_tokenizer BertPreTokenizer (found " + preTokenizer + ")");
    List<String> texts = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    for (JsonNode token : added == null ? List.<JsonNode>of() : added) {
      // Matched verbatim where a '[' starts (tokenize looks for them there), as BERT's [CLS], [SEP], ... are.
      expect(!token.path("normalized").asBoolean(true) && !token.path("single_word").asBoolean(true)
          && !token.path("lstrip").asBoolean(true) && !token.path("rstrip").asBoolean(true)
          && token.path("content").asText().startsWith("["),
          "added tokens of the form [NAME] that are matched verbatim (found " + token + ")");
      texts.add(token.path("content").asText());
      ids.add(token.path("id").asInt());
    }
    return new WordPieceTokenizer(vocabulary, texts.toArray(String[]::new),
        ids.stream().mapToInt(Integer::intValue).toArray(), unknownToken, maxWordChars);
  }

  private static Map<String, Integer> readVocabulary(JsonParser p) throws IOException {
    expect(p.currentToken() == JsonToken.START_OBJECT, "\"model.vocab\" as an object");
    Map<String, Integer> vocabulary = new HashMap<>(40_000);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String piece = p.currentName();
      p.nextToken();
      vocabulary.put(piece, p.getIntValue());
    }
    return vocabulary;
  }

  private static void expect(boolean ok, String what) {
    if (!ok) {
      throw new ConfigurationException("unsupported tokenizer.json: expected " + what);
    }
  }

  /** The ids of {@code text} framed by [CLS] and [SEP], cut to at most {@code maxLength} ids (the [SEP] kept). */
  long[] encode(String text, int maxLength) {
    if (maxLength < 2) {
      throw new IllegalArgumentException("maxLength must be at least 2, was " + maxLength);
    }
    Ids out = new Ids(Math.min(maxLength, text.length() / 3 + 8), maxLength - 2);
    out.add(classify);
    tokenize(text, out);
    out.limit = Integer.MAX_VALUE;
    out.add(separator);
    return out.toLongs();
  }

  /** The number of word pieces of {@code text}, without [CLS] and [SEP] and not truncated. */
  int count(String text) {
    Ids out = new Ids(0, Integer.MAX_VALUE);
    out.counting = true;
    tokenize(text, out);
    return out.size;
  }

  /** Token ids collected up to a limit (the [CLS] counts towards it). */
  private static final class Ids {
    long[] ids;
    int size;
    int limit;
    boolean counting;

    Ids(int capacity, int pieces) {
      ids = new long[Math.max(capacity, 2)];
      limit = pieces == Integer.MAX_VALUE ? Integer.MAX_VALUE : pieces + 1;
    }

    boolean full() {
      return size >= limit;
    }

    void add(int id) {
      if (size >= limit) {
        return;
      }
      if (!counting) {
        if (size == ids.length) {
          ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[size] = id;
      }
      size++;
    }

    long[] toLongs() {
      return Arrays.copyOf(ids, size);
    }
  }

  private void tokenize(String text, Ids out) {
    int start = 0;
    int at = text.indexOf('[');
    while (at >= 0 && !out.full()) {
      int special = specialAt(text, at);
      if (special >= 0) {
        segment(text.substring(start, at), out);
        out.add(specialIds[special]);
        start = at + specialTexts[special].length();
        at = text.indexOf('[', start);
      } else {
        at = text.indexOf('[', at + 1);
      }
    }
    if (!out.full()) {
      segment(text.substring(start), out);
    }
  }

  /** The longest special token starting at {@code at}, or -1. */
  private int specialAt(String text, int at) {
    int best = -1;
    for (int i = 0; i < specialTexts.length; i++) {
      if (text.startsWith(specialTexts[i], at) && (best < 0 || specialTexts[i].length() > specialTexts[best].length())) {
        best = i;
      }
    }
    return best;
  }

  /** Normalizes one stretch of text without special tokens, splits it into words and those into pieces. */
  private void segment(String raw, Ids out) {
    if (raw.isEmpty()) {
      return;
    }
    String text = normalize(raw);
    int n = text.length();
    int i = 0;
    while (i < n && !out.full()) {
      int cp = text.codePointAt(i);
      if (cp == ' ') {
        i++;
        continue;
      }
      int end = i + Character.charCount(cp);
      if (!isPunctuation(cp)) {
        while (end < n) {
          int next = text.codePointAt(end);
          if (next == ' ' || isPunctuation(next)) {
            break;
          }
          end += Character.charCount(next);
        }
      }
      word(text, i, end, out);
      i = end;
    }
  }

  /** WordPiece over {@code text[start, end)}: longest known prefix first; a word with an unknown rest is [UNK]. */
  private void word(String text, int start, int end, Ids out) {
    if (text.codePointCount(start, end) > maxWordChars) {
      out.add(unknown);
      return;
    }
    int mark = out.size;
    int at = start;
    while (at < end) {
      Map<String, Integer> pieces = at == start ? vocabulary : continuations;
      int stop = end;
      Integer id = null;
      while (stop > at) {
        id = pieces.get(text.substring(at, stop));
        if (id != null) {
          break;
        }
        stop = text.offsetByCodePoints(stop, -1);
      }
      if (id == null) {
        // The whole word becomes one [UNK]: undo the pieces already added (they may have hit the limit).
        out.size = mark;
        out.add(unknown);
        return;
      }
      out.add(id);
      at = stop;
    }
  }

  /**
   * BertNormalizer: drops NUL, U+FFFD and control/format/unassigned/private-use characters, maps whitespace
   * to a space, surrounds CJK ideographs with spaces, strips accents (NFD, then no non-spacing marks) and
   * lowercases each character on its own (so a final sigma stays σ, as in the Rust tokenizer).
   */
  static String normalize(String raw) {
    StringBuilder cleaned = new StringBuilder(raw.length() + 8);
    boolean ascii = true;
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\t' || cp == '\n' || cp == '\r') {
        cleaned.append(' ');
        continue;
      }
      if (cp == 0 || cp == 0xFFFD || isOther(cp)) {
        continue;
      }
      if (isWhitespace(cp)) {
        cleaned.append(' ');
      } else if (isCjk(cp)) {
        cleaned.append(' ').appendCodePoint(cp).append(' ');
        ascii = false;
      } else {
        cleaned.appendCodePoint(cp);
        ascii &= cp < 0x80;
      }
    }
    if (ascii) {
      for (int i = 0; i < cleaned.length(); i++) {
        char c = cleaned.charAt(i);
        if (c >= 'A' && c <= 'Z') {
          cleaned.setCharAt(i, (char) (c + ('a' - 'A')));
        }
      }
      return cleaned.toString();
    }
    String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (cp == 0x130) {
        out.append("i\u0307");
      } else {
        out.appendCodePoint(Character.toLowerCase(cp));
      }
    }
    return out.toString();
  }

  /** Unicode's White_Space property (Rust's {@code char::is_whitespace}); Java's isWhitespace differs on no-break spaces. */
  private static boolean isWhitespace(int cp) {
    return switch (cp) {
      case ' ', '\t', '\n', 0x0B, 0x0C, '\r', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
      default -> cp >= 0x2000 && cp <= 0x200A;
    };
  }

  /** General category C (control, format, unassigned, private use, surrogate). */
  private static boolean isOther(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> true;
      default -> false;
    };
  }

  /** ASCII punctuation (which includes symbols such as $ + < = > ^ ` | ~) or general category P. */
  private static boolean isPunctuation(int cp) {
    if (cp < 0x80) {
      return (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126);
    }
    return switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }

  /** The CJK Unified Ideographs blocks BERT puts spaces around. */
  private static boolean isCjk(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B920 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }
}
