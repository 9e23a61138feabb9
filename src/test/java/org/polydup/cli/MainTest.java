package org.polydup.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An exit code and what the command printed on stdout. */
  private record Ran(int code, String stdout) {}

  private static Ran run(String... args) {
    int[] code = new int[1];
    String stdout = Captured.stdout(() -> code[0] = Main.run(args));
    return new Ran(code[0], stdout);
  }

  /** A run's exit code and what it printed on stderr (its stdout discarded). */
  private record Failed(int code, String stderr) {}

  private static Failed runForStderr(String... args) {
    int[] code = new int[1];
    String stderr = Captured.stderr(() -> code[0] = run(args).code());
    return new Failed(code[0], stderr);
  }

  @Test
  void scan_ofStandardInput_findsWhatTheFileScanFinds(@TempDir Path out) throws IOException {
    Path file = Path.of("testdata", "syndication", "docs.jsonl");
    Path fromFile = out.resolve("file");
    Path fromPipe = out.resolve("pipe");
    assertEquals(0, run("scan", file.toString(), "--out", fromFile.toString()).code());
    java.io.InputStream stdin = System.in;
    Ran ran;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      System.setIn(in);
      ran = run("scan", "-", "--out", fromPipe.toString());
    } finally {
      System.setIn(stdin);
    }

    assertEquals(0, ran.code(), ran.stdout());
    assertTrue(
        Files.readAllLines(fromPipe.resolve("pairs.jsonl")).size() > 100, "pairs from stdin");
    for (String name : List.of("pairs.jsonl", "clusters.jsonl")) {
      assertEquals(
          Files.readString(fromFile.resolve(name)), Files.readString(fromPipe.resolve(name)), name);
    }
  }

  @Test
  void scan_ofStandardInputTwice_isAUsageError(@TempDir Path out) {
    String stderr =
        Captured.stderr(() -> assertEquals(2, Main.run("scan", "-", "-", "--out", out + "")));
    assertTrue(stderr.contains("standard input (-) is given twice"), stderr);
  }

  @Test
  void scan_refusesToWriteOverItsInput_beforeReadingIt(@TempDir Path dir) throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path stories = out.resolve("pairs.jsonl");
    Files.copy(Path.of("testdata", "syndication", "docs.jsonl"), stories);
    byte[] before = Files.readAllBytes(stories);
    Path report = Files.copy(stories, dir.resolve("report.html"));

    String stderr =
        Captured.stderr(() -> assertEquals(2, run("scan", stories + "", "--out", out + "").code()));
    int dedup = run("dedup", stories + "", "--out", dir.resolve("d") + "").code();
    int html = run("scan", report + "", "--html", "--out", dir + "").code();

    assertTrue(stderr.contains("which it reads as input"), stderr);
    assertArrayEquals(before, Files.readAllBytes(stories), "the input must be left as it was");
    assertEquals(List.of("pairs.jsonl"), listNames(out));
    assertEquals(0, dedup, "another --out is fine");
    assertEquals(2, html, "report.html is written too");
    assertArrayEquals(before, Files.readAllBytes(report));
  }

  @Test
  void query_refusesASaveThatWouldReplaceAnInputOrAnOutput(@TempDir Path dir) throws IOException {
    Path stories = Files.copy(Path.of("testdata/syndication/docs.jsonl"), dir.resolve("s.jsonl"));
    byte[] before = Files.readAllBytes(stories);
    Path out = dir.resolve("out");

    int overInput =
        run("query", "--archive", stories + "", "--save", stories + "", "--out", out + "").code();
    int overOutput =
        run(
                "query",
                "--archive",
                stories + "",
                "--save",
                out.resolve("pairs.jsonl") + "",
                "--out",
                out + "")
            .code();
    Path saved = dir.resolve("index.pdx");
    int first =
        run("query", "--archive", stories + "", "--save", saved + "", "--out", out + "").code();
    int again = run("query", "--saved", saved + "", "--save", saved + "", "--out", out + "").code();

    Path folder = Files.createDirectories(dir.resolve("stories"));
    Path story = Files.writeString(folder.resolve("a.txt"), "The mayor of Springfield spoke.");
    Path ids = Files.writeString(dir.resolve("ids.txt"), "s000001\n");
    int intoFolder =
        run("query", "--archive", folder + "", "--save", story + "", "--out", out + "").code();
    int newStoryInFolder =
        run(
                "query",
                stories + "",
                "--archive",
                folder + "",
                "--save",
                folder.resolve("new.txt") + "",
                "--out",
                out + "")
            .code();
    int overRemoved =
        run(
                "query",
                "--archive",
                stories + "",
                "--remove",
                ids + "",
                "--save",
                ids + "",
                "--out",
                out + "")
            .code();

    assertEquals(2, overInput);
    assertEquals(2, overOutput);
    assertEquals(2, intoFolder, "a .txt file of an input folder is a story");
    assertEquals(2, newStoryInFolder, "the next scan of the folder would read it");
    assertEquals(2, overRemoved);
    assertEquals("The mayor of Springfield spoke.", Files.readString(story));
    assertEquals("s000001\n", Files.readString(ids));
    assertFalse(Files.exists(folder.resolve("new.txt")));
    assertArrayEquals(before, Files.readAllBytes(stories));
    assertEquals(0, first, "--save to a new file");
    assertEquals(0, again, "--save may replace the --saved file");
  }

  @Test
  void query_refusesASaveIntoTheIndexFolder_andTheIndexStillOpens(@TempDir Path dir) {
    Path index = dir.resolve("idx");
    Path out = dir.resolve("out");
    String seeds = "testdata/seeds";

    int built = run("query", "--index", index + "", "--archive", seeds, "--out", out + "").code();
    int intoIndex =
        run(
                "query",
                "--index",
                index + "",
                "--save",
                index.resolve("_0.cfs") + "",
                "--out",
                out + "")
            .code();
    Ran reopened = run("query", "--index", index + "", "--archive", seeds, "--out", out + "");

    assertEquals(0, built);
    assertEquals(2, intoIndex);
    assertEquals(0, reopened.code(), reopened.stdout());
    assertTrue(reopened.stdout().contains("(5 in " + index + ")"), reopened.stdout());
  }

  private static List<String> listNames(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void scan_writesPairsAndClusters_forTheSeeds(@TempDir Path out) throws IOException {
    Ran ran = run("scan", "testdata/seeds", "--out", out.toString(), "--no-cross-language");
    String stdout = ran.stdout();
    assertEquals(0, ran.code(), stdout);
    assertTrue(stdout.contains("5 documents scanned"), stdout);
    List<String> pairs = Files.readAllLines(out.resolve("pairs.jsonl"), StandardCharsets.UTF_8);
    assertTrue(pairs.size() >= 1, "pairs: " + pairs);
    boolean storyInPage = false;
    for (String line : pairs) {
      JsonNode p = JSON.readTree(line);
      assertTrue(p.has("lang_a") && p.has("lang_b") && p.has("scores") && p.has("evidence"));
      if (p.get("relation").asText().equals("contained")
          && p.get("container").asText().equals("000_1ef89ecac97abb9a")
          && p.get("contained").asText().equals("001_0e17fbea12fc6044")) {
        storyInPage = true;
        JsonNode passage = p.get("evidence").get("passages").get(0);
        assertEquals(2, passage.get("a").size());
      }
      assertTrue(!line.contains("004_adea4495f1fc6c7e"), "004 is independent coverage, not a copy");
    }
    assertTrue(storyInPage, "001 contained in 000: " + pairs);
    assertTrue(Files.exists(out.resolve("clusters.jsonl")));
    assertTrue(Files.exists(out.resolve("problems.jsonl")));
  }

  @Test
  void scan_ofTheSeedsAsCsv_findsThePairsOfTheSeedFolder(@TempDir Path dir) throws IOException {
    // The seeds written by Commons CSV's own printer (quotes doubled, line breaks quoted, CRLF
    // record ends), in a column order of its own and with a column polydup ignores.
    Path csv = dir.resolve("seeds.csv");
    try (java.io.Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        org.apache.commons.csv.CSVPrinter printer =
            new org.apache.commons.csv.CSVPrinter(
                writer, org.apache.commons.csv.CSVFormat.RFC4180)) {
      printer.printRecord("source", "text", "id");
      try (java.util.stream.Stream<Path> files = Files.list(Path.of("testdata/seeds"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
          String name = file.getFileName().toString();
          printer.printRecord(
              "seed", Files.readString(file), name.substring(0, name.length() - ".txt".length()));
        }
      }
    }
    Path fromFolder = dir.resolve("folder");
    Path fromCsv = dir.resolve("csv");

    assertEquals(0, run("scan", "testdata/seeds", "--out", fromFolder.toString()).code());
    Ran ran = run("scan", csv.toString(), "--out", fromCsv.toString());

    assertEquals(0, ran.code(), ran.stdout());
    assertTrue(ran.stdout().contains("5 documents scanned"), ran.stdout());
    List<String> pairs = Files.readAllLines(fromFolder.resolve("pairs.jsonl"));
    assertTrue(pairs.size() >= 3, "pairs: " + pairs);
    assertEquals(pairs, Files.readAllLines(fromCsv.resolve("pairs.jsonl")));
  }

  @Test
  void dedup_writesTheSeedsWithoutTheStoryThatItsPageHoldsWhole(@TempDir Path out)
      throws IOException {
    Ran ran = run("dedup", "testdata/seeds", "--out", out.toString());

    assertEquals(0, ran.code(), ran.stdout());
    assertTrue(ran.stdout().startsWith("5 documents read, 4 kept, 1 dropped"), ran.stdout());
    List<String> dropped = Files.readAllLines(out.resolve("dropped.jsonl"));
    assertEquals(1, dropped.size(), dropped::toString);
    JsonNode d = JSON.readTree(dropped.get(0));
    assertEquals("001_0e17fbea12fc6044", d.get("id").asText());
    assertEquals("000_1ef89ecac97abb9a", d.get("kept").asText());
    assertEquals("contained", d.get("relation").asText());
    List<String> kept = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("kept.jsonl"))) {
      JsonNode k = JSON.readTree(line);
      kept.add(k.get("id").asText());
      String name = k.get("id").asText() + ".txt";
      assertEquals(Files.readString(Path.of("testdata/seeds", name)), k.get("text").asText());
    }
    assertEquals(
        List.of(
            "000_1ef89ecac97abb9a",
            "002_da7ef6208064fff2",
            "003_9d1f904c1f5aad34",
            "004_adea4495f1fc6c7e"),
        kept);
    assertTrue(Files.exists(out.resolve("pairs.jsonl")));
    Failed run =
        runForStderr("dedup", "testdata/seeds", "--keep", "oldest", "--out", out.toString());
    String stderr = run.stderr();
    assertEquals(2, run.code(), stderr);
    assertTrue(stderr.startsWith("--keep must be longest or first"), stderr);
  }

  @Test
  void scan_exitsWithOne_whenInputCannotBeRead(@TempDir Path out) {
    assertEquals(
        1, Main.run("scan", out.resolve("missing.jsonl").toString(), "--out", out.toString()));
  }

  @Test
  void scan_exitsWithOne_beforeReading_whenALaterInputCannotBeRead(@TempDir Path dir) {
    // The inputs are streamed into the scan, but every path is checked before the first is read.
    Path out = dir.resolve("out");
    assertEquals(
        1,
        Main.run(
            "scan",
            "testdata/seeds",
            dir.resolve("missing.jsonl").toString(),
            "--out",
            out.toString(),
            "--no-cross-language"));
    assertTrue(Files.notExists(out.resolve("pairs.jsonl")));
  }

  /**
   * A run that reads no document fails, and like any failed run leaves the output folder as it was
   * (it used to replace an earlier run's results with empty files, although {@code --help} promised
   * otherwise; a reviewer, session 31). The problems are on stderr, with file and line.
   */
  @Test
  void scan_exitsWithOne_whenNoDocumentIsReadable_andLeavesTheFolderAsItWas(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    assertEquals(0, run("scan", "testdata/seeds", "--out", out.toString()).code());
    Map<String, String> before = OutputFolderSnapshot.of(out);
    Path input = dir.resolve("docs.jsonl");
    Files.writeString(input, "{not json\n{\"id\":\"x\",\"txt\":\"y\"}\n", StandardCharsets.UTF_8);

    Failed run =
        runForStderr("scan", input.toString(), "--out", out.toString(), "--no-cross-language");
    String stderr = run.stderr();
    assertEquals(1, run.code(), stderr);
    assertEquals(before, OutputFolderSnapshot.of(out));
    assertTrue(stderr.contains(input + ":2: "), stderr);
    assertTrue(stderr.contains("no readable documents in [" + input + "]"), stderr);
    assertTrue(stderr.contains("nothing written, " + out + " is as it was"), stderr);
  }

  @Test
  void dedup_withNoReadableDocument_leavesTheEarlierRunsFilesAsTheyWere(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    assertEquals(
        0,
        run("dedup", "testdata/syndication/docs.jsonl", "--out", out.toString(), "--html").code());
    Map<String, String> before = OutputFolderSnapshot.of(out);
    Path input = Files.writeString(dir.resolve("bad.jsonl"), "{not json\n");

    String stderr =
        Captured.stderr(
            () ->
                assertEquals(
                    1, run("dedup", input.toString(), "--out", out.toString(), "--html").code()));
    assertEquals(before, OutputFolderSnapshot.of(out));
    assertTrue(stderr.contains("nothing written"), stderr);
  }

  /**
   * Files named like polydup's that no polydup run wrote are the user's: a folder given as {@code
   * --out} keeps them (they were deleted by name, with a message saying an earlier run had left
   * them; a reviewer, session 31). Only the files a run's record lists are replaced or deleted by a
   * later run.
   */
  @Test
  void scan_intoAFolderOfTheUsersOwnFiles_leavesThemAlone_evenWithPolydupsNames(@TempDir Path dir)
      throws IOException {
    Path out = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(out.resolve("report.html"), "<html>mine</html>");
    Files.writeString(out.resolve("kept.jsonl"), "mine");
    Files.writeString(out.resolve("dropped.jsonl"), "mine too");
    String stderr =
        Captured.stderr(
            () ->
                assertEquals(
                    0,
                    run("scan", "testdata/seeds", "--no-cross-language", "--out", out.toString())
                        .code()));
    assertFalse(stderr.contains("deleted"), stderr);
    assertEquals("<html>mine</html>", Files.readString(out.resolve("report.html")));
    assertEquals("mine", Files.readString(out.resolve("kept.jsonl")));
    assertEquals("mine too", Files.readString(out.resolve("dropped.jsonl")));
    assertEquals(
        "pairs.jsonl\nclusters.jsonl\nproblems.jsonl",
        Files.readAllLines(out.resolve(OutputOptions.RECORD)).stream()
            .filter(line -> !line.startsWith("#"))
            .collect(java.util.stream.Collectors.joining("\n")));
  }

  /**
   * The summary line of a contained pair gives the contained text's coverage first, as it names
   * that text first: it printed coverage_a / coverage_b whichever document was the container, so
   * "001 is contained in 000 (coverage 0.61 / 0.99)" read as 001 being 61% inside 000 (a reviewer,
   * session 31).
   */
  @Test
  void scanSummary_ofAContainedPair_givesTheContainedTextsCoverageFirst(@TempDir Path out)
      throws IOException {
    Ran ran = run("scan", "testdata/seeds", "--no-cross-language", "--out", out.toString());
    assertEquals(0, ran.code(), ran.stdout());
    JsonNode pair = null;
    for (String line : Files.readAllLines(out.resolve("pairs.jsonl"))) {
      JsonNode p = JSON.readTree(line);
      if (p.get("relation").asText().equals("contained")) {
        pair = p;
      }
    }
    assertNotNull(pair, "the seeds hold a contained pair");
    boolean containerIsA = pair.get("container").asText().equals(pair.get("a").asText());
    JsonNode scores = pair.get("scores");
    double contained = scores.get(containerIsA ? "coverage_b" : "coverage_a").asDouble();
    double container = scores.get(containerIsA ? "coverage_a" : "coverage_b").asDouble();
    assertNotEquals(
        String.format(Locale.ROOT, "%.2f", contained),
        String.format(Locale.ROOT, "%.2f", container),
        "a pair whose two coverages differ, so that their order shows");
    String expected =
        String.format(
            Locale.ROOT,
            "%s is contained in %s (coverage %.2f of it, %.2f of the container)",
            pair.get("contained").asText(),
            pair.get("container").asText(),
            contained,
            container);
    assertTrue(ran.stdout().contains(expected), ran.stdout());
  }

  /** A link to itself given as input is named as a link that leads nowhere, not a missing file. */
  @Test
  void scan_ofALinkToItself_saysItIsALinkToNothing(@TempDir Path dir) throws IOException {
    Path link = dir.resolve("self.txt");
    try {
      Files.createSymbolicLink(link, link);
    } catch (UnsupportedOperationException | IOException e) {
      return; // no symbolic links on this file system
    }
    Failed run = runForStderr("scan", link.toString(), "--out", dir.resolve("out").toString());
    assertEquals(1, run.code(), run.stderr());
    assertTrue(run.stderr().contains("a symbolic link to nothing"), run.stderr());
  }

  @Test
  void anEmptyOut_isAUsageError_notTheCurrentFolder() {
    String stderr =
        Captured.stderr(() -> assertEquals(2, Main.run("scan", "testdata/seeds", "--out", "")));
    assertTrue(stderr.contains("--out needs a folder"), stderr);
  }

  @Test
  void threadsBeyondThePoolsLimit_isAUsageErrorNamingTheOption(@TempDir Path out) {
    String stderr =
        Captured.stderr(
            () ->
                assertEquals(
                    2,
                    Main.run(
                        "scan", "testdata/seeds", "--threads", "32768", "--out", out.toString())));
    assertTrue(stderr.contains("--threads must be at most 32767, got 32768"), stderr);
  }

  /**
   * A gzip cut short: the documents before the cut are scanned and written, and the run exits 1
   * saying the file could not be read to its end (it exited 0, so a pipeline that trusts the exit
   * code published a corpus cut short; a reviewer, session 31).
   */
  @Test
  void scan_ofATruncatedGzip_writesWhatWasRead_butExitsOne(@TempDir Path dir) throws IOException {
    byte[] whole;
    try (var bytes = new java.io.ByteArrayOutputStream();
        var gzip = new java.util.zip.GZIPOutputStream(bytes)) {
      gzip.write(Files.readAllBytes(Path.of("testdata/syndication/docs.jsonl")));
      gzip.finish();
      whole = bytes.toByteArray();
    }
    Path cut =
        Files.write(dir.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Path out = dir.resolve("out");
    Failed run = runForStderr("scan", cut.toString(), "--no-cross-language", "--out", out + "");
    String stderr = run.stderr();
    assertEquals(1, run.code(), stderr);
    assertTrue(stderr.contains("the compressed file ends early (truncated?)"), stderr);
    assertTrue(stderr.contains(cut + " could not be read to the end"), stderr);
    assertTrue(Files.size(out.resolve("pairs.jsonl")) > 0, "the pairs of the documents read");
    assertTrue(Files.readString(out.resolve("problems.jsonl")).contains("\"kind\":\"unreadable\""));
  }

  @Test
  void scan_reportsAnIdAnotherInputHolds_atItsFileAndLine(@TempDir Path dir) throws IOException {
    Path first = Files.writeString(dir.resolve("first.jsonl"), "{\"id\":\"a\",\"text\":\"one\"}\n");
    Path second =
        Files.writeString(
            dir.resolve("second.jsonl"),
            "{\"id\":\"b\",\"text\":\"two\"}\n\n{\"id\":\"a\",\"text\":\"three\"}\n");
    Path out = dir.resolve("out");

    Ran ran = run("scan", first.toString(), second.toString(), "--out", out.toString());
    assertEquals(0, ran.code(), ran.stdout());
    JsonNode problem = JSON.readTree(Files.readAllLines(out.resolve("problems.jsonl")).get(0));
    assertEquals(second.toString(), problem.get("source").asText());
    assertEquals(3, problem.get("line").asInt());
    assertEquals("duplicate_id", problem.get("kind").asText());
  }

  @Test
  void ioFailures_areOneLineAndExitOne(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    String[] stderr = new String[1];
    int[] code = new int[1];
    stderr[0] =
        Captured.stderr(
            () -> code[0] = Main.run("scan", "testdata/seeds", "--out", file.toString()));
    assertEquals(1, code[0]);
    assertEquals(1, stderr[0].strip().lines().count(), stderr[0]);
    assertTrue(stderr[0].contains(file.toString()), stderr[0]);

    stderr[0] =
        Captured.stderr(
            () -> code[0] = Main.run("query", "--saved", dir.toString(), "testdata/seeds"));
    assertEquals(1, code[0]);
    assertTrue(stderr[0].contains("--index"), stderr[0]);
  }

  @Test
  void scan_exitsWithTwo_onUsageErrors() {
    assertEquals(2, Main.run("scan"));
    assertEquals(2, Main.run("scan", "testdata/seeds", "--threshold", "abc"));
    assertEquals(2, Main.run("frobnicate"));
  }

  /**
   * Seeds 000, 002 and 004 archived, 001 and 003 arriving (and 000 again, which is skipped): the
   * new documents' pairs are those a scan of all five reports with 001 or 003 in them, each with
   * the new document as a.
   */
  @Test
  void query_checksNewStoriesAgainstTheArchive_asTheScanWouldPairThem(@TempDir Path dir)
      throws IOException {
    Path archive = Files.createDirectories(dir.resolve("archive"));
    Path arriving = Files.createDirectories(dir.resolve("new"));
    for (String name :
        List.of("000_1ef89ecac97abb9a", "002_da7ef6208064fff2", "004_adea4495f1fc6c7e")) {
      Files.copy(Path.of("testdata/seeds", name + ".txt"), archive.resolve(name + ".txt"));
    }
    for (String name :
        List.of("000_1ef89ecac97abb9a", "001_0e17fbea12fc6044", "003_9d1f904c1f5aad34")) {
      Files.copy(Path.of("testdata/seeds", name + ".txt"), arriving.resolve(name + ".txt"));
    }
    Path out = dir.resolve("out");
    Ran ran =
        run("query", "--archive", archive.toString(), arriving.toString(), "--out", out.toString());
    String stdout = ran.stdout();
    assertEquals(0, ran.code(), stdout);
    assertTrue(stdout.startsWith("2 new documents checked against 3 archived documents"), stdout);

    java.util.Set<String> queried = new java.util.TreeSet<>();
    for (String line : Files.readAllLines(out.resolve("pairs.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode p = JSON.readTree(line);
      String a = p.get("a").asText();
      assertTrue(a.startsWith("001_") || a.startsWith("003_"), line);
      queried.add(unordered(a, p.get("b").asText()) + " " + p.get("relation").asText());
    }
    Path scanned = dir.resolve("scan");
    Captured.stdout(() -> Main.run("scan", "testdata/seeds", "--out", scanned.toString()));
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (String line : Files.readAllLines(scanned.resolve("pairs.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode p = JSON.readTree(line);
      String pair = unordered(p.get("a").asText(), p.get("b").asText());
      if (pair.contains("001_") || pair.contains("003_")) {
        expected.add(pair + " " + p.get("relation").asText());
      }
    }
    assertTrue(expected.size() >= 3, "" + expected);
    assertEquals(expected, queried);
    String problems = Files.readString(out.resolve("problems.jsonl"), StandardCharsets.UTF_8);
    assertTrue(problems.contains("000_1ef89ecac97abb9a is in the index already"), problems);
  }

  /**
   * A day's run saves the index; the next day's loads it with --saved and finds the same pairs as a
   * run that reads the archive again; the saved file then holds every story seen.
   */
  @Test
  void query_savesTheIndex_andTheNextRunLoadsIt(@TempDir Path dir) throws IOException {
    Path day1 = Files.createDirectories(dir.resolve("day1"));
    Path day2 = Files.createDirectories(dir.resolve("day2"));
    for (String name :
        List.of("000_1ef89ecac97abb9a", "002_da7ef6208064fff2", "004_adea4495f1fc6c7e")) {
      Files.copy(Path.of("testdata/seeds", name + ".txt"), day1.resolve(name + ".txt"));
    }
    for (String name : List.of("001_0e17fbea12fc6044", "003_9d1f904c1f5aad34")) {
      Files.copy(Path.of("testdata/seeds", name + ".txt"), day2.resolve(name + ".txt"));
    }
    Path index = dir.resolve("archive.pdx");
    Ran built =
        run(
            "query",
            "--archive",
            day1.toString(),
            "--save",
            index.toString(),
            "--out",
            dir.resolve("out1").toString());
    assertEquals(0, built.code(), built.stdout());
    assertTrue(Files.size(index) > 0);

    Ran fromSaved =
        run(
            "query",
            "--saved",
            index.toString(),
            day2.toString(),
            "--save",
            index.toString(),
            "--out",
            dir.resolve("out2").toString());
    assertEquals(0, fromSaved.code(), fromSaved.stdout());
    assertTrue(fromSaved.stdout().contains("(3 loaded from "), fromSaved.stdout());
    Ran fromArchive =
        run(
            "query",
            "--archive",
            day1.toString(),
            day2.toString(),
            "--out",
            dir.resolve("out3").toString());
    assertEquals(
        Files.readAllLines(dir.resolve("out3/pairs.jsonl")),
        Files.readAllLines(dir.resolve("out2/pairs.jsonl")));
    assertTrue(fromSaved.stdout().contains("the index of 5 documents"), fromSaved.stdout());

    // Day 3 re-sends a story of day 2: skipped, as the saved index holds it.
    Ran again =
        run(
            "query",
            "--saved",
            index.toString(),
            day2.toString(),
            "--out",
            dir.resolve("out4").toString());
    assertEquals(0, again.code(), "nothing new to check is no failure");
    assertTrue(again.stdout().contains("skipped (in the index already)"), again.stdout());
    assertEquals(2, Main.run("query", day2.toString()), "neither --archive nor --saved");
    assertEquals(2, Main.run("query", "--archive", day1.toString()), "no INPUT and no --save");
  }

  @Test
  void query_withAPersistentIndex_findsWhatTheArchiveRunFinds_andKeepsTheNewStories(
      @TempDir Path dir) throws IOException {
    Path index = dir.resolve("index");
    Path archive = dir.resolve("archive");
    Path today = dir.resolve("today");
    Files.createDirectories(archive);
    Files.createDirectories(today);
    for (String seed : List.of("000_1ef89ecac97abb9a", "003_9d1f904c1f5aad34")) {
      Files.copy(Path.of("testdata/seeds", seed + ".txt"), archive.resolve(seed + ".txt"));
    }
    for (String seed : List.of("001_0e17fbea12fc6044", "002_da7ef6208064fff2")) {
      Files.copy(Path.of("testdata/seeds", seed + ".txt"), today.resolve(seed + ".txt"));
    }

    String idx = index.toString();
    Ran built = run(out(dir, "built", "query", "--index", idx, "--archive", archive.toString()));
    Ran checked = run(out(dir, "checked", "query", "--index", idx, today.toString()));
    Ran plain = run(out(dir, "plain", "query", "--archive", archive.toString(), today.toString()));
    Ran again = run(out(dir, "again", "query", "--index", idx, "--archive", archive.toString()));

    assertEquals(0, built.code(), built.stdout());
    assertTrue(built.stdout().contains("committed to " + index + " (2 documents)"), built.stdout());
    assertEquals(0, checked.code(), checked.stdout());
    assertTrue(checked.stdout().contains("(2 in " + index + ")"), checked.stdout());
    assertEquals(0, plain.code(), plain.stdout());
    List<String> pairs = Files.readAllLines(dir.resolve("checked").resolve("pairs.jsonl"));
    assertTrue(pairs.size() >= 2, "pairs: " + pairs);
    assertEquals(Files.readAllLines(dir.resolve("plain").resolve("pairs.jsonl")), pairs);
    // The second run committed today's stories: the archive's ones are all skipped as known.
    assertEquals(0, again.code(), again.stdout());
    assertTrue(again.stdout().contains("(4 in " + index + ")"), again.stdout());
    // Today's run repeated: every story is known, nothing is new, and that is no failure.
    Ran repeated = run(out(dir, "repeated", "query", "--index", idx, today.toString()));
    assertEquals(0, repeated.code(), repeated.stdout());
    assertTrue(
        repeated.stdout().contains("0 new documents checked against 4 archived documents"),
        repeated.stdout());
    assertTrue(repeated.stdout().contains("2 skipped (in the index already)"), repeated.stdout());
    assertEquals(List.of(), Files.readAllLines(dir.resolve("repeated").resolve("pairs.jsonl")));

    // A sliding window: today's first story leaves the index; an unknown id is reported.
    Path old = Files.writeString(dir.resolve("old.txt"), "001_0e17fbea12fc6044\n\nnot-there\n");
    Ran removed = run(out(dir, "removed", "query", "--index", idx, "--remove", old.toString()));
    Ran after = run(out(dir, "after", "query", "--index", idx, "--archive", today.toString()));

    assertEquals(0, removed.code(), removed.stdout());
    assertTrue(removed.stdout().contains("(4 in " + index + "), 1 removed"), removed.stdout());
    String problems = Files.readString(dir.resolve("removed").resolve("problems.jsonl"));
    assertTrue(
        problems.contains("\"kind\":\"unknown_id\"") && problems.contains("\"line\":3"), problems);
    // Given again, the removed story is new to the index: it is added, the other one skipped.
    assertTrue(after.stdout().contains("(3 in " + index + ")"), after.stdout());
    assertTrue(after.stdout().contains("committed to " + index + " (4 documents)"), after.stdout());

    // A run that fails (no INPUT story can be read) changes nothing, its removal included.
    Path unreadable = Files.createDirectories(dir.resolve("unreadable"));
    Files.createFile(unreadable.resolve("empty.txt"));
    String ids = old.toString();
    Ran failed = run(out(dir, "failed", "query", "--index", idx, "--remove", ids, unreadable + ""));
    Ran unchanged = run(out(dir, "unchanged", "query", "--index", idx, "--remove", ids));
    assertEquals(1, failed.code(), failed.stdout());
    assertTrue(unchanged.stdout().contains("(4 in " + index + "), 1 removed"), unchanged.stdout());

    // A saved file and the folder, counted apart.
    Path saved = dir.resolve("one.pdx");
    Path single = Files.createDirectories(dir.resolve("single"));
    Files.copy(Path.of("testdata/seeds/004_adea4495f1fc6c7e.txt"), single.resolve("004.txt"));
    Ran save = run(out(dir, "s", "query", "--archive", single + "", "--save", saved + ""));
    Ran both = run(out(dir, "both", "query", "--index", idx, "--saved", saved + "", today + ""));
    assertEquals(0, save.code(), save.stdout());
    String counts = "(1 loaded from " + saved + ") (3 in " + index + ")";
    assertTrue(both.stdout().contains(counts), both.stdout());
  }

  @Test
  void query_whoseReportCannotBeWritten_savesNothing(@TempDir Path dir) throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.createDirectories(out.resolve("report.html")); // a folder where the page should go
    Path saved = dir.resolve("index.pdx");
    Ran failed =
        run(
            "query",
            "--archive",
            "testdata/seeds",
            "--save",
            saved + "",
            "--html",
            "--out",
            out + "");
    assertEquals(1, failed.code(), failed.stdout());
    assertFalse(Files.exists(saved), "a run that failed must leave the saved index as it was");
  }

  /** {@code args}, then {@code --out dir/name}. */
  private static String[] out(Path dir, String name, String... args) {
    String[] full = java.util.Arrays.copyOf(args, args.length + 2);
    full[args.length] = "--out";
    full[args.length + 1] = dir.resolve(name).toString();
    return full;
  }

  private static String unordered(String a, String b) {
    return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
  }

  @Test
  void query_withoutAnArchive_isAUsageError_andAnUnreadableOneAnInputError(@TempDir Path dir) {
    assertEquals(2, Main.run("query", "testdata/seeds", "--out", dir.toString()));
    assertEquals(
        1,
        Main.run(
            "query",
            "--archive",
            dir.resolve("missing").toString(),
            "testdata/seeds",
            "--out",
            dir.toString()));
  }

  @Test
  void scanWithHtml_writesAReportOfEveryPair(@TempDir Path out) throws IOException {
    Captured.stdout(
        () ->
            assertEquals(0, Main.run("scan", "testdata/seeds", "--out", out.toString(), "--html")));
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    List<String> pairs = Files.readAllLines(out.resolve("pairs.jsonl"), StandardCharsets.UTF_8);
    assertTrue(html.contains(pairs.size() + " flagged pairs."), html);
    assertEquals(pairs.size(), html.split("<section", -1).length - 1);
    for (String line : pairs) {
      JsonNode p = JSON.readTree(line);
      assertTrue(
          html.contains(
              "<code>" + p.get("a").asText() + "</code> and <code>" + p.get("b").asText()),
          line);
    }
    // Without --html, no report.
    Path plain = out.resolve("plain");
    Captured.stdout(() -> Main.run("scan", "testdata/seeds", "--out", plain.toString()));
    assertTrue(!Files.exists(plain.resolve("report.html")));
  }

  @Test
  void scanWithoutHtml_deletesTheReportAnEarlierRunLeft_andSaysSo(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    Captured.stdout(
        () ->
            assertEquals(
                0,
                Main.run(
                    "scan",
                    "testdata/seeds",
                    "--out",
                    out.toString(),
                    "--html",
                    "--threshold",
                    "1")));
    assertTrue(Files.exists(out.resolve("report.html")));
    Path fold = Files.createDirectories(dir.resolve("fold"));
    Files.copy(
        Path.of("testdata/seeds/000_1ef89ecac97abb9a.txt"),
        fold.resolve("000_1ef89ecac97abb9a.txt"));
    Path notes = Files.writeString(out.resolve("notes.txt"), "mine");

    String[] stderr = new String[1];
    Captured.stdout(
        () ->
            stderr[0] =
                Captured.stderr(
                    () ->
                        assertEquals(
                            0, Main.run("scan", fold.toString(), "--out", out.toString()))));

    assertFalse(Files.exists(out.resolve("report.html")), "a report of the other input's pairs");
    assertTrue(stderr[0].contains("deleted report.html in " + out), stderr[0]);
    assertTrue(Files.exists(notes), "a file polydup does not write is left alone");
  }

  /**
   * {@code scan - < DIR/kept.jsonl --out DIR}: the corpus read on standard input is a file of the
   * output folder, and stays. Run as a process of its own, whose standard input is that file.
   */
  @Test
  void scanOfStandardInput_keepsTheFileOfTheOutputFolderItReads(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("out");
    Captured.stdout(
        () -> assertEquals(0, Main.run("dedup", "testdata/seeds", "--out", out.toString())));
    Path kept = out.resolve("kept.jsonl");
    String keptText = Files.readString(kept);
    Process scan =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "scan",
                "-",
                "--out",
                out.toString())
            .redirectInput(kept.toFile())
            .redirectErrorStream(true)
            .start();
    String printed = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, scan.waitFor(), printed);
    assertTrue(Files.exists(kept), printed);
    assertEquals(keptText, Files.readString(kept));
    assertFalse(Files.exists(out.resolve("dropped.jsonl")), printed);
  }

  @Test
  void scanAndQuery_deleteTheFilesOfAnEarlierDedupOrScan_butNeverTheirInput(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    Captured.stdout(
        () -> assertEquals(0, Main.run("dedup", "testdata/seeds", "--out", out.toString())));
    assertTrue(Files.exists(out.resolve("kept.jsonl")));
    assertTrue(Files.exists(out.resolve("dropped.jsonl")));

    // A scan of the kept corpus into the same folder: dropped.jsonl described the earlier
    // input, but kept.jsonl is what this scan reads, so it stays.
    Path kept = out.resolve("kept.jsonl");
    String keptText = Files.readString(kept);
    Captured.stderr(
        () ->
            Captured.stdout(
                () -> assertEquals(0, Main.run("scan", kept.toString(), "--out", out.toString()))));
    assertEquals(keptText, Files.readString(kept));
    assertFalse(Files.exists(out.resolve("dropped.jsonl")));

    // A plain scan: kept.jsonl no longer describes the folder's pairs.
    Captured.stderr(
        () ->
            Captured.stdout(
                () ->
                    assertEquals(0, Main.run("scan", "testdata/seeds", "--out", out.toString()))));
    assertFalse(Files.exists(kept));
    assertTrue(Files.exists(out.resolve("clusters.jsonl")));

    // A query writes no clusters: the scan's would sit beside the query's pairs.
    String stderr =
        Captured.stderr(
            () ->
                Captured.stdout(
                    () ->
                        assertEquals(
                            0,
                            Main.run(
                                "query",
                                "--archive",
                                "testdata/seeds",
                                "testdata/syndication/docs.jsonl",
                                "--out",
                                out.toString()))));
    assertFalse(Files.exists(out.resolve("clusters.jsonl")), stderr);
    assertTrue(stderr.contains("deleted clusters.jsonl"), stderr);
    assertTrue(Files.exists(out.resolve("pairs.jsonl")));
  }

  @Test
  void optionsOutOfRange_areUsageErrors_namingTheOption_withoutAStackTrace(@TempDir Path out) {
    String[][] cases = {
      {"scan", "testdata/seeds", "--threshold", "0"},
      {"scan", "testdata/seeds", "--threshold", "1.5"},
      {"scan", "testdata/seeds", "--threshold", "NaN"},
      {"scan", "testdata/seeds", "--threads", "0"},
      {"scan", "testdata/seeds", "--max-chars", "-1"},
      {"bench", "testdata/seeds", "--threads", "-2"},
      {"eval", "seeds", "--limit", "0"},
      {"scan", "testdata/seeds", "--languages", "en,xx"},
      {"scan", "testdata/seeds", "--languages", ""},
      {"dedup", "testdata/seeds", "--min-coverage", "0"},
    };
    for (String[] args : cases) {
      String option = args[2];
      // scan and dedup are given an output folder, so a value wrongly accepted writes nowhere else.
      String[] full =
          args[0].equals("scan") || args[0].equals("dedup")
              ? java.util.stream.Stream.concat(
                      java.util.Arrays.stream(args),
                      java.util.stream.Stream.of("--out", out.toString()))
                  .toArray(String[]::new)
              : args;
      int[] code = new int[1];
      String stderr = Captured.stderr(() -> code[0] = Main.run(full));
      String command = String.join(" ", args);
      assertEquals(2, code[0], command);
      assertTrue(stderr.startsWith(option + " must be "), command + ": " + stderr);
      assertTrue(
          !stderr.contains("Exception") && !stderr.contains("\tat "), command + ": " + stderr);
    }
  }

  @Test
  void languagesOption_letsDetectionAnswerWithALanguageOutsideTheDefaults(@TempDir Path dir)
      throws IOException {
    String story =
        "Guvernul a anunțat joi că prețul energiei electrice va fi plafonat pentru încă șase luni,"
            + " iar consumatorii casnici vor plăti cel mult 68 de bani pe kilowatt-oră. Măsura se"
            + " aplică și întreprinderilor mici, potrivit ministrului Energiei, care a spus că"
            + " bugetul are bani pentru compensări până la sfârșitul anului.";
    Path input = dir.resolve("docs.jsonl");
    Files.writeString(
        input,
        JSON.writeValueAsString(java.util.Map.of("id", "story", "text", story))
            + "\n"
            + JSON.writeValueAsString(
                java.util.Map.of("id", "repost", "text", "Știri pe scurt\n\n" + story))
            + "\n");

    assertEquals(
        0, run("scan", input.toString(), "--out", dir.resolve("default").toString()).code());
    Ran ran =
        run(
            "scan",
            input.toString(),
            "--languages",
            "en, RO",
            "--out",
            dir.resolve("ro").toString());

    assertEquals(0, ran.code(), ran.stdout());
    JsonNode withDefaults =
        JSON.readTree(Files.readAllLines(dir.resolve("default").resolve("pairs.jsonl")).get(0));
    JsonNode withRomanian =
        JSON.readTree(Files.readAllLines(dir.resolve("ro").resolve("pairs.jsonl")).get(0));
    assertTrue(!withDefaults.get("lang_a").asText().equals("ro"), withDefaults::toString);
    assertEquals("ro", withRomanian.get("lang_a").asText());
    assertEquals("ro", withRomanian.get("lang_b").asText());
  }

  @Test
  void scan_reportsBadDocuments_andScansTheRest(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("docs.jsonl");
    String story =
        Files.readString(
            Path.of("testdata/seeds/001_0e17fbea12fc6044.txt"), StandardCharsets.UTF_8);
    String page =
        Files.readString(
            Path.of("testdata/seeds/000_1ef89ecac97abb9a.txt"), StandardCharsets.UTF_8);
    String lines =
        JSON.writeValueAsString(java.util.Map.of("id", "story", "text", story))
            + "\n{not json\n"
            + JSON.writeValueAsString(java.util.Map.of("id", "page", "text", page))
            + "\n"
            + JSON.writeValueAsString(java.util.Map.of("id", "story", "text", "duplicate id"))
            + "\n";
    Files.writeString(input, lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    Ran ran = run("scan", input.toString(), "--out", out.toString(), "--no-cross-language");
    String stdout = ran.stdout();
    assertEquals(0, ran.code());
    assertTrue(stdout.contains("2 documents scanned"), stdout);
    assertTrue(stdout.contains("1 contained"), stdout);
    List<String> problems = Files.readAllLines(out.resolve("problems.jsonl"));
    assertEquals(2, problems.size(), "" + problems);
    assertTrue(problems.get(0).contains("\"line\":2"), problems.get(0));
  }

  /**
   * Text in a language nobody identifies is still scanned, and said so at its file and line; a
   * {@code lang} CLDR does not know is ignored with a warning and the language detected, so a copy
   * of an English story given "zz" is an English duplicate, not a pair across languages.
   */
  @Test
  void scan_namesUnidentifiedLanguagesAndUnknownCodes_atTheirLines(@TempDir Path dir)
      throws IOException {
    Path input = dir.resolve("docs.jsonl");
    String cherokee = "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏍᎦᏯ ᎤᏂᎦᏚ ᏗᏣᎳᎩ ᎠᏂᏴᏫ ᎡᏆ ᎤᏓᏅᏖᏗ ᎦᎸᏉᏗ ᏗᏓᏕᏲᏗ ᎠᏂᏍᎦᏯ";
    String english =
        "The government approved the new budget for next year on Tuesday after a long debate.";
    String lines =
        JSON.writeValueAsString(java.util.Map.of("id", "e1", "text", english))
            + "\n"
            + JSON.writeValueAsString(java.util.Map.of("id", "c1", "text", cherokee))
            + "\n"
            + JSON.writeValueAsString(java.util.Map.of("id", "c2", "text", cherokee + " ᏗᏓᏕᏲᏗ"))
            + "\n"
            + JSON.writeValueAsString(java.util.Map.of("id", "e2", "lang", "zz", "text", english))
            + "\n";
    Files.writeString(input, lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    String[] stdout = new String[1];
    String stderr =
        Captured.stderr(
            () ->
                stdout[0] =
                    run("scan", input.toString(), "--out", out.toString(), "--no-cross-language")
                        .stdout());
    assertTrue(stdout[0].contains("4 documents scanned"), stdout[0]);
    assertTrue(stdout[0].contains("e1 ~ e2: duplicate (en-en"), stdout[0]);
    assertTrue(stderr.contains(input + ":2: c1: language not identified (und-Cher)"), stderr);
    assertTrue(stderr.contains(input + ":3: c2: language not identified (und-Cher)"), stderr);
    assertTrue(stderr.contains(input + ":4: \"lang\" \"zz\" is not a language CLDR knows"), stderr);
    List<JsonNode> problems = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("problems.jsonl"))) {
      problems.add(JSON.readTree(line));
    }
    assertEquals(3, problems.size(), "" + problems);
    JsonNode ignored = problems.get(0);
    assertEquals("ignored_language", ignored.get("kind").asText());
    assertEquals(4, ignored.get("line").asInt());
    JsonNode unidentified = problems.get(1);
    assertEquals("analysis", unidentified.get("kind").asText());
    assertEquals("c1", unidentified.get("id").asText());
    assertEquals(input.toString(), unidentified.get("source").asText());
    assertEquals(2, unidentified.get("line").asInt());
  }

  @Test
  void noCommand_isAUsageError_withTheUsageOnStderr() {
    int[] code = new int[1];
    String stderr = Captured.stderr(() -> code[0] = Main.run());
    assertEquals(2, code[0]);
    assertTrue(stderr.contains("a command is required"), stderr);
    assertTrue(stderr.contains("scan"), stderr);
  }

  @Test
  void bench_printsOneJsonObjectAsTheLastLine() throws IOException {
    JsonNode last =
        benchLastLine(
            "bench", "testdata/syndication/docs.jsonl", "--threads", "1", "--no-cross-language");
    for (String field :
        List.of(
            "docs",
            "seconds",
            "docs_per_second",
            "mb_per_second",
            "peak_heap_bytes",
            "heap_after_gc_bytes",
            "index_bytes_per_doc")) {
      assertTrue(last.has(field), field + " in " + last);
    }
    assertEquals(339, last.get("docs").asInt());
  }

  @Test
  void benchIncremental_reportsTheQueryThenAddRun_besideTheScan() throws IOException {
    JsonNode last =
        benchLastLine(
            "bench",
            "testdata/syndication/docs.jsonl",
            "--incremental",
            "--no-cross-language",
            "--no-progress");
    for (String field :
        List.of("docs", "seconds", "docs_per_second", "scan_seconds", "ratio_to_scan", "pairs")) {
      assertTrue(last.has(field), field + " in " + last);
    }
    assertEquals(339, last.get("docs").asInt());
    // Each pair is found once, when its later document arrives; the scan finds the same copies.
    assertTrue(last.get("pairs").asInt() > 100, "" + last);
    assertEquals(2, Main.run("bench", "testdata/seeds", "--incremental", "--reference"));
  }

  /** Runs the command line, expects exit code 0, and parses the last line of its output. */
  private static JsonNode benchLastLine(String... args) throws IOException {
    String stdout = Captured.stdout(() -> assertEquals(0, Main.run(args)));
    String[] lines = stdout.strip().split("\n");
    return JSON.readTree(lines[lines.length - 1]);
  }

  /**
   * A run whose stories do not fit in the heap says so in one line, with the heap's limit and what
   * to do, and exits 1: a stack trace read like a bug. Run as a process of its own with a 32 MB
   * heap, given 40 MB of text.
   */
  @Test
  void scanThatRunsOutOfMemory_saysSoInOneLine(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("big.jsonl");
    java.util.Random random = new java.util.Random(7);
    try (var out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      for (int d = 0; d < 4000; d++) {
        StringBuilder text = new StringBuilder();
        while (text.length() < 10_000) {
          text.append("word").append(random.nextInt(1_000_000)).append(' ');
        }
        out.write("{\"id\": \"d" + d + "\", \"lang\": \"en\", \"text\": \"" + text + "\"}\n");
      }
    }
    Process scan =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "scan",
                input.toString(),
                "--no-cross-language",
                "--no-progress",
                "--out",
                dir.resolve("out").toString())
            .redirectErrorStream(true)
            .start();
    String printed = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, scan.waitFor(), printed);
    assertTrue(printed.contains("polydup: out of memory: the Java heap may grow to "), printed);
    assertTrue(printed.contains("JAVA_OPTS=-Xmx"), printed);
    assertFalse(printed.contains("\tat "), printed);
  }
}
