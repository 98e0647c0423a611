package dev.egretta.server;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.Organisation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API keys the server accepts and the organisation each belongs to. Only SHA-256 hashes of
 * keys are kept, never the keys themselves.
 *
 * <p>The keys file has one key per line, {@code <organisation-id> sha256:<64 hex digits>}; blank
 * lines and lines starting with {@code #} are ignored:
 * <pre>
 * # acme's production key, added 2026-03-25
 * acme sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * </pre>
 * {@link #generate(Organisation)} makes a new random key ({@code egret_...}) and the line to append.
 * Lookups hash the presented key and compare it with every stored hash in constant time.
 * Immutable and thread-safe.
 */
public final class ApiKeys {
  /** The prefix of every generated key, as Egret's keys have. */
  public static final String KEY_PREFIX = "egret_";

  private static final Pattern LINE = Pattern.compile("(\\S+)\\s+sha256:([0-9a-fA-F]{64})");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One accepted key: its owner and the SHA-256 of the key. */
  record Entry(Organisation organisation, byte[] hash) {
    /** A short, non-secret handle on the key for rate limits and logs (the first 12 hex digits of its hash). */
    String keyId() {
      return HexFormat.of().formatHex(hash, 0, 6);
    }
  }

  /** A newly generated key: the plaintext, shown once, and the keys-file line that holds its hash. */
  public record GeneratedKey(Organisation organisation, String key, String line) {
    public GeneratedKey {
      Objects.requireNonNull(organisation, "organisation");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(line, "line");
    }

    @Override
    public String toString() {
      return "GeneratedKey[organisation=" + organisation + ", line=" + line + "]"; // never the key itself
    }
  }

  private final List<Entry> entries;

  private ApiKeys(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Keys from in-memory lines (for tests and embedding); {@code source} names them in error messages. */
  public static ApiKeys parse(String source, List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new ConfigurationException(source + " line " + (i + 1)
            + ": expected '<organisation-id> sha256:<64 hex digits>'; got '" + abbreviate(line) + "'");
      }
      Organisation org;
      try {
        org = Organisation.of(m.group(1));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(source + " line " + (i + 1) + ": " + e.getMessage());
      }
      byte[] hash = HexFormat.of().parseHex(m.group(2).toLowerCase(java.util.Locale.ROOT));
      for (Entry other : entries) {
        if (MessageDigest.isEqual(other.hash(), hash)) {
          throw new ConfigurationException(source + " line " + (i + 1)
              + ": this key hash is already listed (for organisation " + other.organisation() + ")");
        }
      }
      entries.add(new Entry(org, hash));
    }
    return new ApiKeys(entries);
  }

  /** Loads a keys file. A missing or malformed file is a {@link ConfigurationException} naming the file and line. */
  public static ApiKeys load(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new ConfigurationException("API keys file " + file
          + " does not exist; create a key with: egretta keys add --org ORG --api-keys " + file);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read API keys file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Keys for the given key/organisation pairs, hashing each plaintext key (for tests and embedding). */
  public static ApiKeys of(java.util.Map<String, Organisation> keys) {
    List<Entry> entries = new ArrayList<>();
    keys.forEach((key, org) -> entries.add(new Entry(org, sha256(key))));
    return new ApiKeys(entries);
  }

  /** Generates a new random key for {@code organisation}; the plaintext is in the result only. */
  public static GeneratedKey generate(Organisation organisation) {
    Objects.requireNonNull(organisation, "organisation");
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new GeneratedKey(organisation, key, lineFor(organisation, key));
  }

  /** The keys-file line for a key: {@code <organisation-id> sha256:<hex>}. */
  public static String lineFor(Organisation organisation, String key) {
    return organisation.id() + " sha256:" + HexFormat.of().formatHex(sha256(key));
  }

  /**
   * Appends a generated key's line to a keys file, creating the file (owner read/write only where the
   * file system supports it) and its folder when missing.
   */
  public static void append(Path file, GeneratedKey generated) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        dev.egretta.core.internal.FilePermissions.createPrivateDirectories(parent);
      }
      try {
        dev.egretta.core.internal.FilePermissions.createPrivateFile(file);
        Files.writeString(file, "# Egretta API keys: <organisation-id> sha256:<hex SHA-256 of the key>\n",
            StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      } catch (FileAlreadyExistsException e) {
        // append to the existing file
      }
      String existing = Files.readString(file, StandardCharsets.UTF_8);
      String prefix = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
      Files.writeString(file, prefix + generated.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new ConfigurationException("cannot write API keys file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The organisation a presented key belongs to; empty for an unknown key. */
  public Optional<Organisation> organisationOf(String key) {
    return find(key).map(Entry::organisation);
  }

  /** How many keys are listed. */
  public int size() {
    return entries.size();
  }

  /** Finds the entry of a presented key, comparing against every entry in constant time per entry. */
  Optional<Entry> find(String key) {
    if (key == null || key.isEmpty()) {
      return Optional.empty();
    }
    byte[] hash = sha256(key);
    Entry found = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(entry.hash(), hash) && found == null) {
        found = entry;
      }
    }
    return Optional.ofNullable(found);
  }

  static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static String abbreviate(String line) {
    return line.length() > 80 ? line.substring(0, 80) + "..." : line;
  }
}
