package dev.egretta.s3;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Counts the requests an SDK client sends, by request type (e.g. how many GetObject calls). */
final class RequestCounter implements ExecutionInterceptor {

  private final Map<Class<?>, AtomicInteger> counts = new ConcurrentHashMap<>();

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    counts.computeIfAbsent(request.getClass(), k -> new AtomicInteger()).incrementAndGet();
  }

  int count(Class<? extends SdkRequest> type) {
    AtomicInteger n = counts.get(type);
    return n == null ? 0 : n.get();
  }

  void reset() {
    counts.clear();
  }
}
