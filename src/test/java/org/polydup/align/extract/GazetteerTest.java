package org.polydup.align.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

class GazetteerTest {
  @Test
  void resource_equalsFreshBuildFromCldr() throws IOException {
    ByteArrayOutputStream built = new ByteArrayOutputStream();
    GazetteerFile.write(GazetteerBuilder.build(new KeyEncoder()), built);
    ByteArrayOutputStream loaded = new ByteArrayOutputStream();
    GazetteerFile.write(Gazetteer.get(), loaded);
    byte[] resource;
    try (InputStream in = Gazetteer.class.getResourceAsStream(Gazetteer.RESOURCE)) {
      resource = in.readAllBytes();
    }
    assertArrayEquals(built.toByteArray(), resource);
    assertArrayEquals(resource, loaded.toByteArray());
  }

  /**
   * Two builds at once (a JVM whose classpath lacks the prebuilt resource, beside a test that
   * builds one) each give the resource's bytes: no build shares a stemmer with another, and
   * stemmers keep state between calls.
   */
  @Test
  void concurrentBuilds_eachEqualTheResource() throws Exception {
    byte[] resource;
    try (InputStream in = Gazetteer.class.getResourceAsStream(Gazetteer.RESOURCE)) {
      resource = in.readAllBytes();
    }
    CyclicBarrier start = new CyclicBarrier(2);
    CompletableFuture<byte[]> first = CompletableFuture.supplyAsync(() -> buildAfter(start));
    CompletableFuture<byte[]> second = CompletableFuture.supplyAsync(() -> buildAfter(start));
    assertArrayEquals(resource, first.get());
    assertArrayEquals(resource, second.get());
  }

  private static byte[] buildAfter(CyclicBarrier start) {
    try {
      start.await();
      ByteArrayOutputStream built = new ByteArrayOutputStream();
      GazetteerFile.write(GazetteerBuilder.build(new KeyEncoder()), built);
      return built.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
