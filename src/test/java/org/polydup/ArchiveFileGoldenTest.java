package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins what a saved index stores for a few real texts, one per language of the syndication subset
 * (and the seeds): their detected languages and extracted entities. A saved file or an {@code
 * --index} folder keeps both, and a later polydup loads them as they are; when extraction or
 * detection changes, an old archive would load with stale values unless {@link
 * ArchiveFile#FORMAT_VERSION} is bumped, which makes the loader refuse it. This test fails on any
 * such change: bump the version, then update {@link #STORED_SHA256} to the value it prints.
 */
class ArchiveFileGoldenTest {
  /** SHA-256 of the decompressed saved file; see the class comment before changing it. */
  private static final String STORED_SHA256 =
      "fec974fb799130cf28669b49f0d91c83cec4baa17476f6cc8537f1721a9a25a8";

  @Test
  void storedLanguagesAndEntities_areTheOnesTheFormatVersionStandsFor(@TempDir Path dir)
      throws IOException, NoSuchAlgorithmException {
    Detector detector = Polydup.builder().crossLanguage(true).threads(1).build();
    for (Document d : samples()) {
      detector.add(d);
    }
    Path file = dir.resolve("golden.pdx");
    detector.save(file);

    byte[] stored;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      stored = in.readAllBytes();
    }
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored));
    assertEquals(
        STORED_SHA256,
        sha256,
        "what a saved index stores changed (detected languages or extracted entities): bump"
            + " ArchiveFile.FORMAT_VERSION, then set STORED_SHA256 to the value found here");
  }

  /** The first document of each language in testdata/syndication, then the seeds; no hints. */
  private static List<Document> samples() throws IOException {
    List<Document> samples = new ArrayList<>();
    Set<String> languages = new LinkedHashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(Path.of("testdata/syndication/docs.jsonl"))) {
      JsonNode d = json.readTree(line);
      if (languages.add(d.get("lang").asText())) {
        samples.add(Document.of(d.get("id").asText(), d.get("text").asText()));
      }
    }
    try (var seeds = Files.list(Path.of("testdata/seeds"))) {
      for (Path seed : seeds.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        samples.add(Document.of(seed.getFileName().toString(), Files.readString(seed)));
      }
    }
    return samples;
  }
}
