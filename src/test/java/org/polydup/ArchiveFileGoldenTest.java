package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * such change: bump the version, then add the value it prints to {@link #STORED_SHA256}.
 */
class ArchiveFileGoldenTest {
  /**
   * SHA-256 of the stored entries (the file after its header), by the format version they were
   * stored under. Never edit an entry: new stored values are a new format version, with an entry of
   * its own (see the class comment).
   */
  private static final Map<Integer, String> STORED_SHA256 =
      Map.of(
          2,
          "0946fb5d8449a789313927fdd79866bae27f9de8ec4636f2eb510b0c0ec34a6e",
          3,
          "dd698c4e28a9f26a1e8a3ee9ad9a18667c3683d2ea0f3df5b45e6461930b22ce");

  @Test
  void storedLanguagesAndEntities_areTheOnesTheFormatVersionStandsFor(@TempDir Path dir)
      throws IOException, NoSuchAlgorithmException {
    Detector detector = Polydup.builder().crossLanguage(true).threads(1).build();
    for (Document d : samples()) {
      detector.add(d);
    }
    Path file = dir.resolve("golden.pdx");
    detector.save(file);

    byte[] entries;
    try (DataInputStream in =
        new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
      in.readUTF(); // magic
      assertEquals(ArchiveFile.FORMAT_VERSION, in.readInt());
      in.readUTF(); // settings
      entries = in.readAllBytes();
    }
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(entries));
    assertEquals(
        STORED_SHA256.get(ArchiveFile.FORMAT_VERSION),
        sha256,
        "what a saved index stores changed (detected languages or extracted entities): bump"
            + " ArchiveFile.FORMAT_VERSION and add an entry for it with the value found here;"
            + " do not edit the entry of a version already released");
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
