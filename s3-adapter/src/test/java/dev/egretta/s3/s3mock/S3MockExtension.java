package dev.egretta.s3.s3mock;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests an {@link S3MockServer} parameter: one S3Mock per test JVM, started on first use and
 * stopped when the JUnit run ends. Tests share it, so each uses its own bucket.
 */
public final class S3MockExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == S3MockServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.create(S3MockExtension.class))
        .getOrComputeIfAbsent(S3MockServer.class, key -> {
          try {
            return S3MockServer.start();
          } catch (Exception e) {
            throw new IllegalStateException("cannot start S3Mock: " + e.getMessage(), e);
          }
        }, S3MockServer.class);
  }
}
