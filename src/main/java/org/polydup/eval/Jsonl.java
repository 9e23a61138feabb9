package org.polydup.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the labelled evaluation files (trusted, well-formed JSONL; plain or gzipped). */
final class Jsonl {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Jsonl() {}

  static List<JsonNode> read(Path file) {
    return read(file, Integer.MAX_VALUE);
  }

  /** The first {@code limit} rows of {@code file}. */
  static List<JsonNode> read(Path file, int limit) {
    List<JsonNode> rows = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      while (rows.size() < limit && (line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          rows.add(MAPPER.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return rows;
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
