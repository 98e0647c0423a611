package dev.egretta.server;

import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Model ids an existing Egret client sends, mapped onto the models this install has (for example
 * Egret's {@code us.anthropic.claude-3-5-haiku-20241022-v1:0} onto {@code egretta-extractive} on an
 * offline install). Applied to {@code model_id} before the engine sees the query; an id that is neither
 * a model nor an alias stays the engine's 400 listing the available ids. Immutable.
 */
final class ModelAliases {
  static final ModelAliases NONE = new ModelAliases(Map.of());

  private final Map<String, String> aliases;

  ModelAliases(Map<String, String> aliases) {
    this.aliases = Map.copyOf(aliases);
  }

  /** This set plus {@code alias → target}; an alias must not name a second target. */
  ModelAliases with(String alias, String target) {
    String a = check(alias, "alias");
    String t = check(target, "target");
    if (a.equals(t)) {
      throw new IllegalArgumentException("model alias '" + a + "' maps onto itself");
    }
    String before = aliases.get(a);
    if (before != null && !before.equals(t)) {
      throw new IllegalArgumentException("model alias '" + a + "' is given twice, for '" + before + "' and '" + t + "'");
    }
    Map<String, String> copy = new LinkedHashMap<>(aliases);
    copy.put(a, t);
    return new ModelAliases(copy);
  }

  /**
   * This set plus the aliases of a file: one {@code alias=target} per line (spaces around {@code =}
   * allowed), blank lines and {@code #} comments ignored.
   *
   * @throws ConfigurationException naming the file and line of a malformed entry, or an unreadable file
   */
  ModelAliases withFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read the model aliases file " + file + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new ConfigurationException("cannot read the model aliases file " + file + ": " + e.getMessage(), e);
    }
    ModelAliases out = this;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.lastIndexOf('=');
      try {
        if (eq < 0) {
          throw new IllegalArgumentException("expected alias=model_id");
        }
        out = out.with(line.substring(0, eq), line.substring(eq + 1));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException("model aliases file " + file + ", line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return out;
  }

  boolean isEmpty() {
    return aliases.isEmpty();
  }

  Map<String, String> asMap() {
    return aliases;
  }

  /**
   * Checks every target against the models the engine serves.
   *
   * @throws ConfigurationException naming an alias whose target is not a model of the catalog
   */
  void checkTargets(List<String> modelIds) {
    aliases.forEach((alias, target) -> {
      if (!modelIds.contains(target)) {
        throw new ConfigurationException("model alias '" + alias + "' names '" + target
            + "', which is not a model of this install; models: " + String.join(", ", modelIds));
      }
      if (modelIds.contains(alias)) {
        throw new ConfigurationException("model alias '" + alias + "' is itself a model of this install; "
            + "an alias may only name ids the install does not have");
      }
    });
  }

  /** The query with an aliased {@code model_id} replaced by its target; any other query as it is. */
  ValidatedQuery apply(ValidatedQuery query) {
    Optional<String> target = query.modelId().map(aliases::get);
    return target.isPresent() ? query.withModelId(target.get()) : query;
  }

  private static String check(String id, String what) {
    String v = id == null ? "" : id.strip();
    // Egret's ids are Bedrock ids: letters, digits, '.', '-', ':', '_', '/' (ARNs); nothing else is ever a model id.
    if (v.isEmpty() || v.length() > 256 || !v.matches("[A-Za-z0-9._:/-]+")) {
      throw new IllegalArgumentException("model " + what + " must be 1 to 256 letters, digits, '.', '_', ':', '/' "
          + "or '-'; got '" + id + "'");
    }
    return v;
  }
}
