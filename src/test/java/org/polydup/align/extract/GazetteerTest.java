package org.polydup.align.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
}
