package dev.egretta.cli;

import dev.egretta.core.Organisation;
import picocli.CommandLine.Option;

/** {@code --org ORG}: the caller organisation of embedded use (default {@code local}). */
final class OrgOption {
  @Option(names = "--org", paramLabel = "ORG", converter = OrgOption.Converter.class,
      description = "Organisation: owns private documents and sessions (default: local).")
  Organisation org = Organisation.LOCAL;

  /** Parses and checks an organisation id; a bad one is a usage error naming the rule. */
  static final class Converter implements picocli.CommandLine.ITypeConverter<Organisation> {
    @Override
    public Organisation convert(String value) {
      try {
        return Organisation.of(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
