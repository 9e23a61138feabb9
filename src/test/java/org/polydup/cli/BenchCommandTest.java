package org.polydup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code polydup bench} on inputs with problems: it reports them as {@code scan} does. */
class BenchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The modes of bench, each a different way of reading the inputs. */
  private static final List<List<String>> MODES =
      List.of(List.of(), List.of("--reference"), List.of("--incremental"));

  /** An exit code and what the command printed on stdout and stderr. */
  private record Ran(int code, String stdout, String stderr) {}

  private static Ran bench(Path input, List<String> mode) {
    String[] args =
        Stream.concat(
                Stream.of(
                    "bench",
                    input.toString(),
                    "--no-cross-language",
                    "--threads",
                    "1",
                    "--no-progress"),
                mode.stream())
            .toArray(String[]::new);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      code = Main.run(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new Ran(
        code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
  }

  @Test
  void bench_ofInputsWithoutAReadableDocument_exitsOne_sayingWhy_andMeasuresNothing(
      @TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
    Path malformed =
        Files.writeString(dir.resolve("malformed.jsonl"), "{not json\n{\"text\": \"no id\"}\n");
    Path emptyFolder = Files.createDirectory(dir.resolve("folder"));
    for (Path input : List.of(empty, malformed, emptyFolder)) {
      for (List<String> mode : MODES) {
        Ran ran = bench(input, mode);
        String what = input.getFileName() + " " + mode + ": " + ran;
        assertEquals(Main.EXIT_INPUT, ran.code(), what);
        assertTrue(ran.stderr().contains("no readable documents in"), what);
        assertFalse(ran.stdout().contains("{"), "no measurement: " + what);
      }
    }
    // Each problem is on stderr, named by its file and line, as scan prints it.
    String stderr = bench(malformed, List.of()).stderr();
    assertTrue(stderr.contains("malformed.jsonl:1: "), stderr);
    assertTrue(stderr.contains("malformed.jsonl:2: "), stderr);
    assertTrue(bench(emptyFolder, List.of()).stderr().contains("folder has no .txt files"));
  }

  @Test
  void bench_ofAFileWithSomeBadLines_printsEachProblem_andMeasuresTheRest(@TempDir Path dir)
      throws IOException {
    String story =
        Files.readString(
            Path.of("testdata/seeds/001_0e17fbea12fc6044.txt"), StandardCharsets.UTF_8);
    Path input =
        Files.writeString(
            dir.resolve("mixed.jsonl"),
            JSON.writeValueAsString(Map.of("id", "story", "text", story))
                + "\n{broken\n"
                + JSON.writeValueAsString(Map.of("id", "story", "text", "duplicate id"))
                + "\n");
    for (List<String> mode : MODES) {
      Ran ran = bench(input, mode);
      String what = mode + ": " + ran;
      assertEquals(0, ran.code(), what);
      assertTrue(ran.stderr().contains("mixed.jsonl:2: "), what);
      assertTrue(ran.stderr().contains("mixed.jsonl:3: duplicate id \"story\""), what);
      String[] lines = ran.stdout().strip().split("\n");
      JsonNode last = JSON.readTree(lines[lines.length - 1]);
      assertEquals(1, last.get("docs").asInt(), what);
    }
  }
}
