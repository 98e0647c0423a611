package dev.egretta.testkit.junit;

import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Engine;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link EgrettaCorpus}: resolves {@link Engine},
 * {@link EgrettaEngine} and {@link LuceneKnowledgeBase} parameters with the corpus engine of the
 * annotated class (or of its enclosing class, for {@code @Nested} tests). The engine is built on
 * first use, kept in the class's extension store and closed, with its temporary index deleted,
 * when the class is done. Register it through {@code @EgrettaCorpus}, not directly.
 */
public final class EgrettaCorpusExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EgrettaCorpusExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Engine.class || type == EgrettaEngine.class || type == LuceneKnowledgeBase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    CorpusEngine corpus = corpusFor(context);
    return parameter.getParameter().getType() == LuceneKnowledgeBase.class ? corpus.knowledgeBase : corpus.engine;
  }

  private static CorpusEngine corpusFor(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    Class<?> annotated = testClass;
    while (annotated != null && !annotated.isAnnotationPresent(EgrettaCorpus.class)) {
      annotated = annotated.getEnclosingClass();
    }
    if (annotated == null) {
      throw new ExtensionConfigurationException(testClass.getName() + " needs @EgrettaCorpus(\"folder\") to get an Engine");
    }
    ExtensionContext classContext = classContext(context, annotated).orElse(context);
    Class<?> owner = annotated;
    EgrettaCorpus corpus = annotated.getAnnotation(EgrettaCorpus.class);
    return classContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent(owner, k -> CorpusEngine.build(owner, corpus), CorpusEngine.class);
  }

  /** The class-level context of {@code annotated}, so that one engine serves all of its tests. */
  private static Optional<ExtensionContext> classContext(ExtensionContext context, Class<?> annotated) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      ExtensionContext ctx = c.get();
      if (ctx.getTestMethod().isEmpty() && ctx.getTestClass().filter(annotated::equals).isPresent()) {
        return Optional.of(ctx);
      }
    }
    return Optional.empty();
  }
}
