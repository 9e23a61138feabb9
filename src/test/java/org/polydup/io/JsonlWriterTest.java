package org.polydup.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polydup.Relation;
import org.polydup.io.hidden.HiddenRows;

class JsonlWriterTest {
  @TempDir Path folder;

  record Passage(int start, int end, double score) {}

  record Pair(String a, String b, Relation relation, List<Passage> passages) {}

  @SafeVarargs // objects is only read.
  private static String written(Map<String, ?>... objects) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonlWriter writer = JsonlWriter.to(out)) {
      for (Map<String, ?> object : objects) {
        writer.write(object);
      }
    }
    return out.toString(UTF_8);
  }

  @Test
  void write_keepsKeyOrder_roundsDoubles_andWritesUnicodeUnescaped() throws IOException {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("z", "Великий витік 数据 🙂 עברית");
    object.put("a", 0.123456);
    object.put("m", 1.0);
    object.put("n", -0.00001);
    object.put("big", 123456789.987654321);
    object.put("f", 0.33333334f);
    object.put("nan", Double.NaN);
    object.put("long", 1L << 40);
    object.put("none", null);
    object.put("flag", true);
    object.put("relation", Relation.CONTAINED);
    object.put("list", List.of(1, 2.5, "three", Map.of("k", 0.99999)));
    object.put("ints", new int[] {1, 2});
    object.put("optional", Optional.of(0.5));

    String line = written(object);

    assertEquals(
        "{\"z\":\"Великий витік 数据 🙂 עברית\",\"a\":0.1235,\"m\":1.0,\"n\":0.0,"
            + "\"big\":1.234567899877E8,\"f\":0.3333,\"nan\":null,\"long\":1099511627776,"
            + "\"none\":null,\"flag\":true,\"relation\":\"contained\","
            + "\"list\":[1,2.5,\"three\",{\"k\":1.0}],\"ints\":[1,2],\"optional\":0.5}\n",
        line);
  }

  @Test
  void write_roundTripsThroughAParser() throws IOException {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("id", "002_da7ef6208064fff2");
    first.put("text", "line one\nline \"two\"\t\u0001 \\ end");
    first.put("score", 0.87654);
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("id", "003");
    second.put("text", "大規模なデータ漏洩 🙂");

    String output = written(first, second);

    String[] lines = output.split("\n", -1);
    assertEquals(3, lines.length, output);
    assertEquals("", lines[2]);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode one = mapper.readTree(lines[0]);
    assertEquals(first.get("text"), one.get("text").asText());
    assertEquals(0.8765, one.get("score").asDouble());
    assertEquals("大規模なデータ漏洩 🙂", mapper.readTree(lines[1]).get("text").asText());
  }

  @Test
  void write_recordsAsObjectsInComponentOrder() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonlWriter writer = JsonlWriter.to(out)) {
      writer.write(new Pair("a", "b", Relation.TRANSLATION, List.of(new Passage(0, 10, 2.0 / 3))));
      assertEquals(1, writer.lines());
    }
    assertEquals(
        "{\"a\":\"a\",\"b\":\"b\",\"relation\":\"translation\","
            + "\"passages\":[{\"start\":0,\"end\":10,\"score\":0.6667}]}\n",
        out.toString(UTF_8));
  }

  @Test
  void write_escapesUnpairedSurrogates_soTheyReadBackExactly() throws IOException {
    String text = "a\uD800b🙂\uDC00\"\n";
    String line = written(Map.of("text", text));
    assertEquals("{\"text\":\"a\\ud800b🙂\\udc00\\\"\\n\"}\n", line);
    assertEquals(
        text,
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("text").asText());
    // In a key, which names a field, the surrogate is replaced.
    assertEquals("{\"k\uFFFD\":1}\n", written(Map.of("k\uD800", 1)));
  }

  @Test
  void write_escapesLineAndParagraphSeparators_soEachRecordIsOnePhysicalLine() throws IOException {
    // U+2028/U+2029 are valid raw in JSON, but Python's str.splitlines() ends a line at them.
    // Also beside an unpaired surrogate, which takes the writer's own quoting path.
    for (String text : List.of("one\u2028two\u2029three", "one\u2028two\uD800\u2029")) {
      String written = written(Map.of("text", text, "k\u2028", 1));
      assertEquals(-1, written.indexOf('\u2028'), written);
      assertEquals(-1, written.indexOf('\u2029'), written);
      assertTrue(written.contains("\\u2028"), written);
      String[] lines = written.split("[\n\r\u2028\u2029\u0085]", -1);
      assertEquals(2, lines.length, written); // one line, then the empty rest after its \n
      assertEquals(text, new ObjectMapper().readTree(lines[0]).get("text").asText());
    }
  }

  @Test
  void write_rejectsUnsupportedTypes_namingTheKey() {
    IllegalArgumentException exception =
        assertThrows(IllegalArgumentException.class, () -> written(Map.of("when", new Object())));
    assertTrue(exception.getMessage().contains("when"), exception::getMessage);
  }

  @Test
  void open_writesGzipForGzNames_andProblemsAsMaps() throws IOException {
    Path file = folder.resolve("out/problems.jsonl.gz");
    InputProblem problem =
        new InputProblem("docs.jsonl", 17, "x", InputProblem.Kind.MALFORMED_JSON, "malformed");
    try (JsonlWriter writer = JsonlWriter.open(file)) {
      writer.write(problem.toMap());
    }
    byte[] bytes = Files.readAllBytes(file);
    assertEquals((byte) 0x1F, bytes[0]);
    assertEquals((byte) 0x8B, bytes[1]);
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
      assertEquals(
          "{\"source\":\"docs.jsonl\",\"line\":17,\"id\":\"x\",\"kind\":\"malformed_json\","
              + "\"severity\":\"error\",\"message\":\"malformed\"}\n",
          new String(in.readAllBytes(), UTF_8));
    }
  }

  @Test
  void write_fromManyThreads_keepsEveryLineWhole() throws Exception {
    Path file = folder.resolve("pairs.jsonl");
    try (JsonlWriter writer = JsonlWriter.open(file)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      for (int thread = 0; thread < 8; thread++) {
        int base = thread * 1000;
        pool.execute(
            () -> {
              for (int i = 0; i < 1000; i++) {
                try {
                  writer.write(Map.of("n", base + i, "text", "x".repeat(i % 50)));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              }
            });
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }
    List<Integer> numbers = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    for (String line : Files.readAllLines(file, UTF_8)) {
      numbers.add(mapper.readTree(line).get("n").asInt());
    }
    numbers.sort(null);
    assertEquals(8000, numbers.size());
    for (int i = 0; i < 8000; i++) {
      assertEquals(i, numbers.get(i));
    }
  }

  record Failing(String id) {
    @Override
    public String id() {
      throw new IllegalStateException("no id");
    }
  }

  private static List<JsonNode> parsedLines(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : Files.readString(file, UTF_8).split("\n", -1)) {
      if (!line.isEmpty()) {
        parsed.add(mapper.readTree(line)); // throws on a line that is not whole JSON
      }
    }
    return parsed;
  }

  @Test
  void write_afterAFailedWrite_keepsEarlierLinesAndStartsTheNextOnANewLine() throws IOException {
    Path file = folder.resolve("pairs.jsonl");
    try (JsonlWriter writer = JsonlWriter.open(file)) {
      writer.write(Map.of("id", "ok-1"));
      Map<String, Object> bad = new LinkedHashMap<>();
      bad.put("id", "bad");
      bad.put("scores", Map.of("when", java.time.Instant.EPOCH));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> writer.write(bad));
      assertEquals("cannot write a java.time.Instant as JSON (at key scores.when)", e.getMessage());
      writer.write(Map.of("id", "ok-2"));
      assertEquals(2, writer.lines());
    }
    assertEquals("{\"id\":\"ok-1\"}\n{\"id\":\"ok-2\"}\n", Files.readString(file, UTF_8));
  }

  @Test
  void write_pathValue_asItsString() throws IOException {
    Path path = Path.of("data", "docs.jsonl");
    assertEquals(
        "{\"source\":\"" + path.toString().replace("\\", "\\\\") + "\"}\n",
        written(Map.of("source", path)));
  }

  @Test
  void write_valueThatContainsItself_throwsIllegalArgument_andTheWriterGoesOn() throws IOException {
    List<Object> loop = new ArrayList<>();
    loop.add(loop);
    Path file = folder.resolve("loop.jsonl");
    try (JsonlWriter writer = JsonlWriter.open(file)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> writer.write(Map.of("loop", loop)));
      assertTrue(
          e.getMessage()
              .startsWith("cannot write objects nested more than 100 deep (at key loop[0]"),
          e.getMessage());
      assertTrue(e.getMessage().length() < 200, e.getMessage());
      writer.write(Map.of("id", "after"));
    }
    assertEquals(1, parsedLines(file).size());
  }

  @Test
  void write_recordThisPackageCannotAccess_readsItAnyway() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonlWriter writer = JsonlWriter.to(out)) {
      writer.write(Map.of("rows", List.of(HiddenRows.row("x", 0.5))));
      writer.write(HiddenRows.row("y", 1.0));
    }
    assertEquals(
        "{\"rows\":[{\"id\":\"x\",\"score\":0.5}]}\n{\"id\":\"y\",\"score\":1.0}\n",
        out.toString(UTF_8));
  }

  @Test
  void write_recordWhoseAccessorThrows_throwsIllegalArgumentNamingTheComponent()
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonlWriter writer = JsonlWriter.to(out)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> writer.write(Map.of("rows", List.of(new Failing("x")))));
      assertTrue(e.getMessage().endsWith("(at key rows[0].id)"), e.getMessage());
      writer.write(Map.of("id", "after"));
    }
    assertEquals("{\"id\":\"after\"}\n", out.toString(UTF_8));
  }
}
