package dev.egretta.s3.s3mock;

import java.lang.reflect.Method;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Runs inside the S3Mock child JVM (never in the tests' own JVM): S3Mock creates its plain-HTTP Tomcat
 * connector as a bean without an address, so it would listen on every interface. This post-processor
 * binds every connector bean to 127.0.0.1. {@link S3MockServer} puts it on S3Mock's {@code loader.path}
 * and registers it through Spring Boot's auto-configuration imports. Uses reflection for Tomcat's
 * {@code Connector} so that the tests need no Tomcat on their class path.
 *
 * <p>It also stops S3Mock when the test JVM dies without running its shutdown hooks (e.g. killed):
 * {@link S3MockServer} keeps the child's standard input open, and a watchdog thread here halts the
 * child as soon as that input reaches end-of-file.
 */
public class LoopbackConnectors implements BeanPostProcessor {

  static final String CONNECTOR = "org.apache.catalina.connector.Connector";

  static {
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // the parent never writes; any byte is ignored
        }
      } catch (java.io.IOException closed) {
        // the same as end-of-file: the parent is gone
      }
      Runtime.getRuntime().halt(0);
    }, "egretta-parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean.getClass().getName().equals(CONNECTOR)) {
      try {
        Method setProperty = bean.getClass().getMethod("setProperty", String.class, String.class);
        Object applied = setProperty.invoke(bean, "address", "127.0.0.1");
        if (!Boolean.TRUE.equals(applied)) {
          throw new IllegalStateException("Tomcat refused address=127.0.0.1 on connector " + beanName);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot bind S3Mock connector " + beanName + " to 127.0.0.1", e);
      }
    }
    return bean;
  }
}
