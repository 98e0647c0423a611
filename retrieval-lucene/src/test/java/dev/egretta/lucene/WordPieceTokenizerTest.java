package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egretta.core.ConfigurationException;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java tokenizer against Hugging Face's Rust one (DJL's binding, which the embedder used before):
 * the same ids for the same text, with the model's 512-token truncation, and the same untruncated counts.
 */
class WordPieceTokenizerTest {
  private static final String TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";
  private static WordPieceTokenizer java;
  private static HuggingFaceTokenizer rust;
  private static HuggingFaceTokenizer rustUntruncated;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = BgeSmallEnV15QuantizedEmbeddingModel.class.getResourceAsStream(TOKENIZER)) {
      java = WordPieceTokenizer.read(in);
    }
    try (InputStream in = BgeSmallEnV15QuantizedEmbeddingModel.class.getResourceAsStream(TOKENIZER)) {
      rust = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "true", "maxLength", "512"));
    }
    try (InputStream in = BgeSmallEnV15QuantizedEmbeddingModel.class.getResourceAsStream(TOKENIZER)) {
      rustUntruncated = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
    }
  }

  @AfterAll
  static void close() {
    rust.close();
    rustUntruncated.close();
  }

  private static void assertSame(String text) {
    assertThat(java.encode(text, 512)).as("ids of %s", quoted(text)).containsExactly(rust.encode(text).getIds());
    assertThat(java.count(text)).as("count of %s", quoted(text))
        .isEqualTo(rustUntruncated.encode(text, false, false).getIds().length);
  }

  private static String quoted(String text) {
    StringBuilder s = new StringBuilder("\"");
    text.codePoints().limit(200).forEach(cp -> {
      if (cp >= 0x20 && cp < 0x7F) {
        s.appendCodePoint(cp);
      } else {
        s.append("\\u{").append(Integer.toHexString(cp)).append('}');
      }
    });
    return s.append('"').toString();
  }

  @Test
  void knownPiecesOfAnEnglishSentence() {
    // [CLS] the agency ' s rules must be reviewed annually . [SEP], with "reviewed" one piece.
    long[] ids = java.encode("The Agency's rules must be REVIEWED annually.", 512);
    assertThat(ids[0]).isEqualTo(101);
    assertThat(ids[ids.length - 1]).isEqualTo(102);
    assertThat(ids).hasSize(12);
    assertSame("The Agency's rules must be REVIEWED annually.");
  }

  @Test
  void trickyTextMatchesTheRustTokenizer() {
    List<String> texts = List.of("", " ", "\t\n\r", "a", "Hello, World!", "naïve café RÉSUMÉ Ångström",
        "İstanbul ΣΊΣΥΦΟΣ Straße ǅemal ﬁnance Ⅻ ①", "中文字符和English混合", "日本語のテキスト、カタカナ",
        "한국어 텍스트", "emoji 😀👍🏽 family 👨‍👩‍👧 flags 🇫🇷", "zero\u200Bwidth\u200Djoiner\uFEFFbom",
        "no\u00A0break\u2007figure\u202Fnarrow\u3000ideographic", "soft\u00ADhyphen", "ctrl\u0001\u0007\u001F\u007F\u0085x",
        "\u000B\u000Cvt ff", "replacement \uFFFD char", "private \uE000\uF8FF use", "NUL\u0000inside",
        "Math: x² + y³ = z⁴, ½ ¼, 10⁻³ m², ∑∫√∞ ≤ ≥ ≠", "quotes “double” ‘single’ «guillemets» „low“",
        "dashes – — ‒ ― and … ellipsis", "$100 + <tag> = ^caret `tick` |pipe| ~tilde~ @at #hash %pct &amp",
        "[CLS] [SEP] [MASK] [PAD] [UNK] [cls] [SEP[SEP]] [[MASK]]x", "a[SEP]b", "unaffordable hyperparameterization",
        "x".repeat(100), "x".repeat(101), "supercalifragilisticexpialidocious".repeat(4), "ab\uD800cd lone surrogate",
        "Ϊ ϊ Ѐ ѐ Ḁ ḁ ǰ ΐ", "Kelvin \u212A Ohm \u2126 Angstrom \u212B", "\u0301\u0302 leading combining",
        "tab\tseparated\tvalues\nnew line\r\nwindows", "e.g. U.S.A. 3.14 1,000,000 2024-01-15 10:30am",
        "ISO/IEC 27001:2022 §5.1(a)(ii) — Annex A.8.24", "ﾊﾝｶｸ ｶﾀｶﾅ full-width ＡＢＣ１２３",
        "Ελληνικά Русский العربية עברית हिन्दी ไทย");
    for (String text : texts) {
      assertSame(text);
    }
  }

  @Test
  void longTextIsCutTo512IdsLikeHuggingFaceTruncation() {
    String text = "The rules of behavior must be reviewed annually by every user of the system. ".repeat(60);
    long[] ids = java.encode(text, 512);
    assertThat(ids).hasSize(512);
    assertThat(ids[511]).isEqualTo(102);
    assertSame(text);
    assertThat(java.count(text)).isGreaterThan(512);
    // A word whose pieces cross the cut still becomes one [UNK] when its rest is unknown.
    String crossing = "word ".repeat(509) + "abc\u0F00\u0F00\u0F00";
    assertSame(crossing);
  }

  @Test
  void randomUnicodeMatchesTheRustTokenizer() {
    Random random = new Random(20261206L);
    // Code points of ranges assigned long before either side's Unicode tables (the Rust side's are older:
    // it takes U+061D, new in Unicode 14, for unassigned), plus ASCII and spaces, so that a difference is one
    // of the algorithm, not of a Unicode version.
    int[][] blocks = {{0x20, 0x7E}, {0xA0, 0x24F}, {0x300, 0x36F}, {0x386, 0x3CE}, {0x400, 0x4FF},
        {0x5D0, 0x5EA}, {0x621, 0x64A}, {0x905, 0x939}, {0xE01, 0xE3A}, {0x1E00, 0x1EFF}, {0x2000, 0x2046},
        {0x2100, 0x213A}, {0x2190, 0x21FF}, {0x2200, 0x22FF}, {0x3000, 0x303F}, {0x3041, 0x3094},
        {0x4E00, 0x4FFF}, {0xAC00, 0xAD00}, {0xFB00, 0xFB06}, {0xFF01, 0xFFBE}, {0x1F600, 0x1F640}};
    for (int n = 0; n < 3000; n++) {
      StringBuilder s = new StringBuilder();
      int length = 1 + random.nextInt(60);
      for (int i = 0; i < length; i++) {
        if (random.nextInt(4) == 0) {
          s.append(' ');
          continue;
        }
        int[] block = random.nextInt(3) == 0 ? blocks[0] : blocks[random.nextInt(blocks.length)];
        int cp = block[0] + random.nextInt(block[1] - block[0] + 1);
        if (Character.isDefined(cp) && !Character.isSurrogate((char) cp)) {
          s.appendCodePoint(cp);
        }
      }
      assertSame(s.toString());
    }
  }

  @Test
  void everyDocumentOfTheEvaluationCorporaMatchesTheRustTokenizer() throws IOException {
    Path eval = Path.of(System.getProperty("egretta.shared", "../shared"), "eval");
    assumeTrue(Files.isDirectory(eval), "shared data absent: " + eval + " (skipping the corpus comparison)");
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    for (String corpus : List.of("scifact", "obliqa")) {
      Path file = eval.resolve(corpus).resolve("corpus.jsonl");
      if (!Files.isRegularFile(file)) {
        continue;
      }
      List<String> texts = new ArrayList<>();
      try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
        lines.forEach(line -> {
          try {
            JsonNode doc = json.readTree(line);
            texts.add((doc.path("title").asText() + " " + doc.path("text").asText()).strip());
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
      }
      // One batch call per side keeps the comparison to a few seconds.
      long[][] expected = Arrays.stream(rust.batchEncode(texts)).map(e -> e.getIds()).toArray(long[][]::new);
      for (int i = 0; i < texts.size(); i++) {
        assertThat(java.encode(texts.get(i), 512)).as("%s document %d: %s", corpus, i, quoted(texts.get(i)))
            .containsExactly(expected[i]);
      }
      checked += texts.size();
    }
    assumeTrue(checked > 0, "no corpus.jsonl under " + eval);
  }

  @Test
  void aTokenizerOfAnotherKindIsRefusedByName() {
    String bpe = """
        {"normalizer": {"type": "NFC"}, "pre_tokenizer": {"type": "ByteLevel"},
         "model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}}""";
    assertThatThrownBy(() -> WordPieceTokenizer.read(new ByteArrayInputStream(bpe.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("model.type WordPiece");
    String cased = """
        {"normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
           "strip_accents": null, "lowercase": false}, "pre_tokenizer": {"type": "BertPreTokenizer"},
         "model": {"type": "WordPiece", "vocab": {"[UNK]": 0, "[CLS]": 1, "[SEP]": 2}}}""";
    assertThatThrownBy(() -> WordPieceTokenizer.read(new ByteArrayInputStream(cased.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("lowercase");
    String angled = cased.replace("\"lowercase\": false", "\"lowercase\": true").replace("\"model\"",
        "\"added_tokens\": [{\"id\": 0, \"content\": \"<s>\", \"single_word\": false, \"lstrip\": false,"
            + " \"rstrip\": false, \"normalized\": false, \"special\": true}], \"model\"");
    assertThatThrownBy(() -> WordPieceTokenizer.read(new ByteArrayInputStream(angled.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("added tokens of the form [NAME]");
  }
}
