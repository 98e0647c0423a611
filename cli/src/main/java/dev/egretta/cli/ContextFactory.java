package dev.egretta.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates commands with the {@link Context} they need when they have a constructor taking one. */
final class ContextFactory implements CommandLine.IFactory {
  private final Context context;

  ContextFactory(Context context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      Constructor<K> constructor = type.getDeclaredConstructor(Context.class);
      constructor.setAccessible(true);
      return constructor.newInstance(context);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
  }
}
