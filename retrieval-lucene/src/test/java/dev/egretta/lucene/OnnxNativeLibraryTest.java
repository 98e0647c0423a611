package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxNativeLibraryTest {

  @TempDir Path cache;

  @Test
  void concurrentFirstRunsShareOneCompleteCopyAndLeaveNoStagingFolder() throws Exception {
    String platform = OnnxNativeLibrary.platform().orElse(null);
    assumeTrue(platform != null, "ONNX Runtime ships no library for this platform");
    int processes = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(processes);
    List<Future<Path>> results = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      results.add(pool.submit(() -> {
        start.await();
        return OnnxNativeLibrary.extract(cache, platform);
      }));
    }
    start.countDown();
    List<Path> folders = new ArrayList<>();
    for (Future<Path> f : results) {
      folders.add(f.get());
    }
    pool.shutdown();

    assertThat(folders).allMatch(folders.getFirst()::equals);
    Path folder = folders.getFirst();
    assertThat(folder.getFileName().toString()).startsWith("onnxruntime-" + platform + "-");
    try (Stream<Path> entries = Files.list(cache)) {
      assertThat(entries).containsExactly(folder);
    }
    long expected = OnnxNativeLibrary.class.getResource("/ai/onnxruntime/native/" + platform + "/"
        + System.mapLibraryName("onnxruntime")).openConnection().getContentLengthLong();
    assertThat(Files.size(folder.resolve(System.mapLibraryName("onnxruntime")))).isEqualTo(expected);
    assertThat(folder.resolve(System.mapLibraryName("onnxruntime4j_jni"))).isRegularFile();
  }

  @Test
  void aSecondRunReusesTheCopyWithoutRewritingIt() throws Exception {
    String platform = OnnxNativeLibrary.platform().orElse(null);
    assumeTrue(platform != null, "ONNX Runtime ships no library for this platform");
    Path first = OnnxNativeLibrary.extract(cache, platform);
    Path library = first.resolve(System.mapLibraryName("onnxruntime"));
    var written = Files.getLastModifiedTime(library);
    Thread.sleep(20);

    Path second = OnnxNativeLibrary.extract(cache, platform);

    assertThat(second).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(library)).isEqualTo(written);
  }
}
