package org.polydup.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polydup.Document;

class DocumentSourceTest {
  @TempDir Path folder;

  /** Everything one read delivered. */
  record Result(List<Document> documents, List<InputProblem> problems) {
    List<String> ids() {
      return documents.stream().map(Document::id).toList();
    }

    InputProblem onlyProblem() {
      assertEquals(1, problems.size(), () -> "problems: " + problems);
      return problems.get(0);
    }
  }

  static Result read(Path path) throws IOException {
    return read(DocumentSource.of(path));
  }

  static Result read(DocumentSource source) throws IOException {
    List<Document> documents = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    source.forEach(documents::add, problems::add);
    return new Result(documents, problems);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text, UTF_8);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(folder.resolve(name), bytes);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static void assertProblem(
      InputProblem problem, InputProblem.Kind kind, Path file, long line, String id) {
    assertEquals(kind, problem.kind(), problem::toString);
    assertEquals(file.toString(), problem.source(), problem::toString);
    assertEquals(line, problem.line(), problem::toString);
    assertEquals(id, problem.documentId(), problem::toString);
  }

  // ---- folders and .txt files

  @Test
  void folder_readsTextFilesInNameOrder_regardlessOfCreationOrder() throws IOException {
    for (String name : List.of("c2", "b", "c10", "a", "B")) {
      write(name + ".txt", "story " + name);
    }
    write("notes.md", "not a document");
    Files.createDirectory(folder.resolve("sub.txt"));

    Result first = read(folder);
    Result second = read(folder);

    assertEquals(List.of("B", "a", "b", "c10", "c2"), first.ids());
    assertEquals(first.documents(), second.documents());
    assertEquals("story c10", first.documents().get(3).text());
    assertNull(first.documents().get(0).languageHint());
    assertTrue(first.problems().isEmpty(), first.problems()::toString);
  }

  @Test
  void folder_skipsEmptyFile_andReadsTheOthers() throws IOException {
    write("a.txt", "alpha");
    Path empty = write("b.txt", "");
    Path blank = write("c.txt", " \n\t\u00A0\n");
    write("d.txt", "delta");

    Result result = read(folder);

    assertEquals(List.of("a", "d"), result.ids());
    assertEquals(2, result.problems().size());
    assertProblem(result.problems().get(0), InputProblem.Kind.EMPTY, empty, 0, "b");
    assertProblem(result.problems().get(1), InputProblem.Kind.EMPTY, blank, 0, "c");
    assertEquals(empty + ": empty file; skipped", result.problems().get(0).toString());
  }

  @Test
  void folder_withoutTextFiles_isReportedEmpty() throws IOException {
    write("notes.md", "not a document");

    Result result = read(folder);

    assertTrue(result.documents().isEmpty());
    assertProblem(result.onlyProblem(), InputProblem.Kind.EMPTY, folder, 0, null);
  }

  @Test
  void folder_skipsBinaryFile_withNulBytes() throws IOException {
    write("a.txt", "alpha");
    byte[] image = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H'};
    Path binary = write("b.txt", image);
    write("c.txt", "gamma");

    Result result = read(folder);

    assertEquals(List.of("a", "c"), result.ids());
    InputProblem problem = result.onlyProblem();
    assertProblem(problem, InputProblem.Kind.BINARY, binary, 0, "b");
    assertEquals(InputProblem.Severity.ERROR, problem.severity());
    assertTrue(problem.message().contains("NUL byte at offset 8"), problem::toString);
  }

  @Test
  void folder_skipsBinaryFile_withMostlyControlCharacters() throws IOException {
    byte[] controls = new byte[1000];
    for (int i = 0; i < controls.length; i++) {
      controls[i] = (byte) (i % 2 == 0 ? 0x01 : 'x');
    }
    Path binary = write("b.txt", controls);
    write("c.txt", "gamma");

    Result result = read(folder);

    assertEquals(List.of("c"), result.ids());
    assertProblem(result.onlyProblem(), InputProblem.Kind.BINARY, binary, 0, "b");
  }

  @Test
  void text_withInvalidUtf8_isSkipped_withItsLine() throws IOException {
    write("a.txt", "alpha");
    Path bad =
        write(
            "b.txt",
            concat("first line\nsecond line ".getBytes(UTF_8), new byte[] {(byte) 0xC3, '('}));
    write("c.txt", "gamma");

    Result result = read(folder);

    assertEquals(List.of("a", "c"), result.ids());
    InputProblem problem = result.onlyProblem();
    assertProblem(problem, InputProblem.Kind.INVALID_UTF8, bad, 2, "b");
    assertEquals(bad + ":2: invalid UTF-8 at byte 23; document skipped", problem.toString());
  }

  @Test
  void text_inUtf16_isReportedAsInvalidUtf8() throws IOException {
    Path utf16 =
        write("a.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "h\0i\0".getBytes(UTF_8)));
    write("b.txt", "beta");

    Result result = read(folder);

    assertEquals(List.of("b"), result.ids());
    assertProblem(result.onlyProblem(), InputProblem.Kind.INVALID_UTF8, utf16, 0, "a");
  }

  @Test
  void text_dropsUtf8ByteOrderMark_andKeepsMultibyteText() throws IOException {
    String text = "Великий витік даних 数据泄露 🙂\r\n".repeat(5000); // > one 64 KB buffer
    Path file =
        write(
            "a.txt",
            concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(UTF_8)));

    Result result = read(file);

    assertEquals(List.of(new Document("a", text, null)), result.documents());
    assertTrue(result.problems().isEmpty(), result.problems()::toString);
  }

  @Test
  void singleTextFile_isOneDocument() throws IOException {
    Path file = write("story.TXT", "one story");

    Result result = read(file);

    assertEquals(List.of(Document.of("story", "one story")), result.documents());
  }

  @Test
  void hugeTextFile_isTruncatedWithWarning_andStillDelivered() throws IOException {
    write("a.txt", "alpha");
    Path huge = folder.resolve("huge.txt");
    writeRepeated(huge, 50_000_000);
    write("z.txt", "zulu");

    Result result = read(folder);

    assertEquals(List.of("a", "huge", "z"), result.ids());
    Document document = result.documents().get(1);
    assertEquals(DocumentSource.DEFAULT_MAX_CHARACTERS, document.text().length());
    assertTrue(document.text().startsWith("0123456789"));
    InputProblem problem = result.onlyProblem();
    assertProblem(problem, InputProblem.Kind.TRUNCATED, huge, 0, "huge");
    assertEquals(InputProblem.Severity.WARNING, problem.severity());
    assertTrue(problem.message().contains("truncated to 5,000,000"), problem::toString);
  }

  @Test
  void truncation_neverSplitsASurrogatePair() throws IOException {
    Path file = write("a.txt", "ab🙂cd");

    Result result = read(DocumentSource.builder(file).maxCharacters(3).build());

    assertEquals("ab", result.documents().get(0).text());
    assertEquals(InputProblem.Kind.TRUNCATED, result.onlyProblem().kind());
  }

  // ---- JSON Lines

  @Test
  void jsonl_readsIdTextAndLanguage_ignoringOtherFields() throws IOException {
    Path file =
        write(
            "docs.jsonl",
            "{\"id\":\"a\",\"text\":\"alpha\",\"lang\":\"en\",\"url\":\"x\",\"tags\":[1,{\"k\":2}]}\n"
                + "\r\n"
                + "{\"text\":\"Великий\",\"id\":\"b\",\"lang\":7}\r\n"
                + "{\"id\":\"c\",\"text\":\"\\u00e9\\n\\ud83d\\ude42\"}");

    Result result = read(file);

    assertEquals(
        List.of(
            new Document("a", "alpha", "en"),
            new Document("b", "Великий", null),
            new Document("c", "é\n🙂", null)),
        result.documents());
    // A lang that is not a string is ignored, with a warning; the document is kept.
    InputProblem problem = result.onlyProblem();
    assertProblem(problem, InputProblem.Kind.IGNORED_LANGUAGE, file, 3, "b");
    assertEquals(InputProblem.Severity.WARNING, problem.severity());
    assertEquals(
        "\"lang\" must be a string, got a number; ignored, the language is detected",
        problem.message());
  }

  @Test
  void jsonl_languageThatIsNoLanguageCode_isIgnoredWithAWarning_andTheDocumentKept()
      throws IOException {
    Path file =
        write(
            "docs.jsonl",
            "{\"id\":\"a\",\"text\":\"alpha\",\"lang\":\"English\"}\n"
                + "{\"id\":\"b\",\"text\":\"beta\",\"lang\":\"pt_BR\"}\n"
                + "{\"id\":\"c\",\"text\":\"gamma\",\"lang\":\"\"}\n"
                + "{\"id\":\"d\",\"text\":\"delta\",\"lang\":null}\n"
                + "{\"id\":\"e\",\"text\":\"   \",\"lang\":\"??\"}\n");

    Result result = read(file);

    assertEquals(
        List.of(
            new Document("a", "alpha", null),
            new Document("b", "beta", "pt_BR"),
            new Document("c", "gamma", null),
            new Document("d", "delta", null)),
        result.documents());
    // A skipped document (e, blank) is reported for what skipped it, not for its lang.
    List<InputProblem> problems = result.problems();
    assertEquals(2, problems.size(), problems::toString);
    assertProblem(problems.get(0), InputProblem.Kind.IGNORED_LANGUAGE, file, 1, "a");
    assertEquals(
        "\"lang\" \"English\" is not a language code such as \"de\" or \"pt-BR\";"
            + " ignored, the language is detected",
        problems.get(0).message());
    assertProblem(problems.get(1), InputProblem.Kind.EMPTY, file, 5, "e");
  }

  @Test
  void jsonl_readsEachTextWhole_afterALongerOneAndATruncatedOne() throws IOException {
    // The reader keeps one text buffer for all lines: nothing of a longer or cut text may show in
    // the next.
    String longer = "Долгий текст. ".repeat(300);
    Path file =
        write(
            "docs.jsonl",
            "{\"id\":\"a\",\"text\":\""
                + longer
                + "\"}\n{\"id\":\"b\",\"text\":\"short\"}\n{\"id\":\"c\",\"text\":\""
                + "x".repeat(50)
                + "\"}\n{\"id\":\"d\",\"text\":\"é\"}\n");

    Result result = read(DocumentSource.builder(file).maxCharacters(40).build());

    assertEquals(
        List.of(
            new Document("a", longer.substring(0, 40), null),
            new Document("b", "short", null),
            new Document("c", "x".repeat(40), null),
            new Document("d", "é", null)),
        result.documents());
    assertEquals(2, result.problems().size(), result.problems()::toString);
  }

  @Test
  void jsonl_dropsUtf8ByteOrderMark() throws IOException {
    Path file =
        write(
            "docs.jsonl",
            concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"id\":\"a\",\"text\":\"alpha\"}\n".getBytes(UTF_8)));

    Result result = read(file);

    assertEquals(List.of(Document.of("a", "alpha")), result.documents());
    assertTrue(result.problems().isEmpty(), result.problems()::toString);
  }

  @Test
  void jsonl_malformedLineInTheMiddle_isSkipped_withItsLineNumber() throws IOException {
    Path file =
        write(
            "docs.jsonl",
            "{\"id\":\"a\",\"text\":\"alpha\"}\n"
                + "{\"id\":\"b\",\"text\": nonsense}\n"
                + "[\"an\",\"array\"]\n"
                + "{\"id\":\"d\",\"text\":\"delta\"} {\"id\":\"e\"}\n"
                + "{\"id\":\"f\",\"text\":\"unterminated\n"
                + "{\"id\":\"g\",\"text\":\"golf\",\"id\":\"g2\"}\n"
                + "{\"id\":\"h\",\"text\":\"hotel\"}\n");

    Result result = read(file);

    assertEquals(List.of("a", "h"), result.ids());
    assertEquals(5, result.problems().size(), result.problems()::toString);
    for (int i = 0; i < 5; i++) {
      assertProblem(
          result.problems().get(i),
          InputProblem.Kind.MALFORMED_JSON,
          file,
          i + 2,
          result.problems().get(i).documentId());
    }
    assertTrue(
        result
            .problems()
            .get(0)
            .toString()
            .startsWith(file + ":2: malformed JSON at column 27 (Unrecognized token 'nonsense'"),
        result.problems().get(0)::toString);
    assertTrue(result.problems().get(1).message().startsWith("not a JSON object (found an array)"));
    assertTrue(result.problems().get(2).message().startsWith("content after the JSON object"));
    assertTrue(result.problems().get(4).message().contains("Duplicate field 'id'"));
  }

  @Test
  void jsonl_missingOrInvalidFields_areSkipped() throws IOException {
    Path file =
        write(
            "docs.jsonl",
            "{\"id\":\"a\",\"text\":\"alpha\"}\n"
                + "{\"text\":\"no id\"}\n"
                + "{\"id\":\"c\"}\n"
                + "{\"id\":4,\"text\":\"numeric id\"}\n"
                + "{\"id\":\" \",\"text\":\"blank id\"}\n"
                + "{\"id\":\"f\",\"text\":null}\n"
                + "{\"id\":\"g\",\"text\":\"   \"}\n"
                + "{\"id\":\"h\",\"text\":\"hotel\"}\n");

    Result result = read(file);

    assertEquals(List.of("a", "h"), result.ids());
    List<InputProblem> problems = result.problems();
    assertEquals(6, problems.size(), problems::toString);
    assertProblem(problems.get(0), InputProblem.Kind.MISSING_FIELD, file, 2, null);
    assertEquals("missing \"id\"; line skipped", problems.get(0).message());
    assertProblem(problems.get(1), InputProblem.Kind.MISSING_FIELD, file, 3, "c");
    assertEquals("missing \"text\"; line skipped", problems.get(1).message());
    assertProblem(problems.get(2), InputProblem.Kind.INVALID_FIELD, file, 4, null);
    assertEquals("\"id\" must be a string, got a number; line skipped", problems.get(2).message());
    assertProblem(problems.get(3), InputProblem.Kind.INVALID_FIELD, file, 5, null);
    assertProblem(problems.get(4), InputProblem.Kind.INVALID_FIELD, file, 6, "f");
    assertProblem(problems.get(5), InputProblem.Kind.EMPTY, file, 7, "g");
  }

  @Test
  void jsonl_duplicateIds_keepTheFirst() throws IOException {
    Path file =
        write(
            "docs.jsonl",
            "{\"id\":\"a\",\"text\":\"first\"}\n"
                + "{\"id\":\"b\",\"text\":\"beta\"}\n"
                + "{\"id\":\"a\",\"text\":\"second\"}\n"
                + "{\"id\":\"c\",\"text\":\"gamma\"}\n");

    Result result = read(file);

    assertEquals(List.of("a", "b", "c"), result.ids());
    assertEquals("first", result.documents().get(0).text());
    assertProblem(result.onlyProblem(), InputProblem.Kind.DUPLICATE_ID, file, 3, "a");
  }

  @Test
  void jsonl_invalidUtf8OnOneLine_skipsOnlyThatLine() throws IOException {
    String padding = "x".repeat(70_000); // puts the bad byte of line 3 past the first buffer
    byte[] bytes =
        concat(
            "{\"id\":\"a\",\"text\":\"alpha\"}\n".getBytes(UTF_8),
            "{\"id\":\"b\",\"text\":\"bad \u00e9 ".getBytes(UTF_8),
            new byte[] {(byte) 0xFF},
            "\"}\n".getBytes(UTF_8),
            ("{\"id\":\"c\",\"text\":\"" + padding).getBytes(UTF_8),
            new byte[] {(byte) 0xE2, (byte) 0x82}, // truncated three-byte sequence
            "\"}\n".getBytes(UTF_8),
            "{\"id\":\"d\",\"text\":\"delta \u20ac\"}".getBytes(UTF_8));
    Path file = write("docs.jsonl", bytes);

    Result result = read(file);

    assertEquals(List.of("a", "d"), result.ids());
    assertEquals("delta €", result.documents().get(1).text());
    assertEquals(2, result.problems().size(), result.problems()::toString);
    assertProblem(result.problems().get(0), InputProblem.Kind.INVALID_UTF8, file, 2, "b");
    assertEquals(
        file + ":2: invalid UTF-8 at byte 51; line skipped", result.problems().get(0).toString());
    assertProblem(result.problems().get(1), InputProblem.Kind.INVALID_UTF8, file, 3, "c");
  }

  @Test
  void jsonl_longLinesWithMultibyteText_crossBufferBoundariesIntact() throws IOException {
    List<Document> expected = new ArrayList<>();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      String text = ("Шанхай Аньсюнь 上海安洵 🙂 " + i + " ").repeat(3000 + 997 * i);
      expected.add(new Document("d" + i, text, "uk"));
      lines.append("{\"id\":\"d" + i + "\",\"lang\":\"uk\",\"text\":\"" + text + "\"}\n");
    }
    Path file = write("docs.jsonl", lines.toString());

    Result result = read(file);

    assertEquals(expected, result.documents());
    assertTrue(result.problems().isEmpty(), result.problems()::toString);
  }

  @Test
  void jsonl_hugeDocument_isTruncatedWithWarning_andTheNextLineIsRead() throws IOException {
    Path file = folder.resolve("huge.jsonl");
    try (Writer writer = Files.newBufferedWriter(file, UTF_8)) {
      writer.write("{\"id\":\"small\",\"text\":\"before\"}\n");
      writer.write("{\"id\":\"huge\",\"text\":\"");
      char[] chunk = "0123456789".repeat(100_000).toCharArray();
      for (int i = 0; i < 50; i++) {
        writer.write(chunk); // 50,000,000 characters in one line
      }
      writer.write("\",\"lang\":\"en\"}\n");
      writer.write("{\"id\":\"after\",\"text\":\"after\"}\n");
    }

    Result result = read(file);

    assertEquals(List.of("small", "huge", "after"), result.ids());
    Document huge = result.documents().get(1);
    assertEquals(DocumentSource.DEFAULT_MAX_CHARACTERS, huge.text().length());
    assertEquals("en", huge.languageHint());
    InputProblem problem = result.onlyProblem();
    assertProblem(problem, InputProblem.Kind.TRUNCATED, file, 2, "huge");
    assertEquals(
        "text of 50,000,000 characters truncated to 5,000,000 (maxCharacters); document kept",
        problem.message());
  }

  @Test
  void jsonl_valueTooLongToBuffer_isSkipped_andTheNextLineIsRead() throws IOException {
    // Jackson checks the limit as its buffer grows, segment by segment (up to 256 k characters),
    // so the value must be well past the limit of 1000 used here.
    Path file =
        write(
            "docs.jsonl",
            "{\"id\":\"long\",\"text\":\""
                + "x".repeat(300_000)
                + "\"}\n"
                + "{\"id\":\"ok\",\"text\":\"fine\"}\n");
    List<InputProblem> problems = new ArrayList<>();
    List<Document> documents = readWithValueLimit(file, problems);

    assertEquals(List.of(Document.of("ok", "fine")), documents);
    assertEquals(1, problems.size(), problems::toString);
    assertProblem(problems.get(0), InputProblem.Kind.OVERSIZED, file, 1, "long");
  }

  /**
   * A value nested past Jackson's depth limit, or a number of over 1,000 digits, is a malformed
   * line, not an oversized one: it was reported as "too long to buffer" (a reviewer, session 31).
   */
  @Test
  void jsonl_valueBeyondTheParsersDepthOrNumberLimit_isMalformed_andTheNextLineIsRead()
      throws IOException {
    Path file =
        write(
            "docs.jsonl",
            "{\"id\":\"deep\",\"text\":\"t\",\"x\":"
                + "[".repeat(1200)
                + "]".repeat(1200)
                + "}\n"
                + "{\"id\":\"digits\",\"text\":\"t\",\"x\":"
                + "9".repeat(1200)
                + "}\n"
                + "{\"id\":\"ok\",\"text\":\"fine\"}\n");
    List<InputProblem> problems = new ArrayList<>();
    List<Document> documents = readWithValueLimit(file, problems);

    assertEquals(List.of(Document.of("ok", "fine")), documents);
    assertEquals(2, problems.size(), problems::toString);
    for (InputProblem problem : problems) {
      assertEquals(InputProblem.Kind.MALFORMED_JSON, problem.kind(), problem::toString);
      assertTrue(problem.message().contains("beyond the parser's limits"), problem::toString);
    }
  }

  /**
   * A JSONL text of escaped control characters is binary, as the same bytes in a {@code .txt} file
   * are: it was scanned as a story (a reviewer, session 31). A story with one stray NUL stays.
   */
  @Test
  void jsonl_textOfControlCharacters_isSkippedAsBinary_butAStrayNulIsKept() throws IOException {
    String story = "The council approved the budget on Tuesday after a long debate.";
    Path file =
        write(
            "docs.jsonl",
            "{\"id\":\"ctl\",\"text\":\"\\u0000\\u0001\\u0002\\u0003 x \\u0004\\u0005\"}\n"
                + "{\"id\":\"nul\",\"text\":\""
                + story
                + "\\u0000\"}\n");
    List<InputProblem> problems = new ArrayList<>();
    List<Document> documents = readWithValueLimit(file, problems);

    assertEquals(List.of("nul"), documents.stream().map(Document::id).toList());
    assertEquals(1, problems.size(), problems::toString);
    assertProblem(problems.get(0), InputProblem.Kind.BINARY, file, 1, "ctl");
    assertTrue(
        problems.get(0).message().startsWith("binary text (66% control"), problems::toString);
  }

  /** The documents of JSONL {@code file} read with Jackson's string limit at 1,000 characters. */
  private static List<Document> readWithValueLimit(Path file, List<InputProblem> problems)
      throws IOException {
    List<Document> documents = new ArrayList<>();
    try (JsonlIterator iterator = new JsonlIterator(file, false, 100, 1000, problems::add)) {
      iterator.forEachRemaining(documents::add);
    }
    return documents;
  }

  @Test
  void jsonlGz_roundTripsDocumentsWrittenByJsonlWriter() throws IOException {
    Path file = folder.resolve("docs.jsonl.gz");
    List<Document> documents =
        List.of(
            new Document("000", "Великий витік даних", "uk"),
            new Document("001", "A major data leak", "en"),
            Document.of("002", "大規模なデータ漏洩 🙂"));
    try (JsonlWriter writer = JsonlWriter.open(file)) {
      for (Document document : documents) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", document.id());
        line.put("text", document.text());
        line.put("lang", document.languageHint());
        writer.write(line);
      }
    }

    List<InputProblem> problems = new ArrayList<>();
    try (DocumentIterator iterator = DocumentSource.of(file).iterator(problems::add)) {
      List<Document> read = new ArrayList<>();
      iterator.forEachRemaining(read::add);
      assertEquals(documents, read);
      assertEquals(Files.size(file), iterator.bytesRead());
      assertEquals(Files.size(file), iterator.totalBytes());
    }
    assertTrue(problems.isEmpty(), problems::toString);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(text.getBytes(UTF_8));
    }
    return compressed.toByteArray();
  }

  private static String stories(int from, int to) {
    StringBuilder lines = new StringBuilder();
    for (int i = from; i < to; i++) {
      lines.append("{\"id\":\"").append(i).append("\",\"text\":\"story ").append(i).append("\"}\n");
    }
    return lines.toString();
  }

  @Test
  void jsonlGz_smallFileCutInItsTrailer_keepsEveryDocument() throws IOException {
    byte[] bytes = gzip(stories(0, 10));
    Path file = write("small.jsonl.gz", java.util.Arrays.copyOf(bytes, bytes.length - 8));

    Result result = read(file);

    assertEquals(10, result.documents().size());
    assertEquals(InputProblem.Kind.UNREADABLE, result.onlyProblem().kind());
  }

  @Test
  void jsonlGz_damagedLaterMember_orBytesAfterTheLast_areReported() throws IOException {
    byte[] first = gzip(stories(0, 200));
    byte[] second = gzip(stories(200, 400));
    assertEquals(400, read(write("two.jsonl.gz", concat(first, second))).documents().size());

    byte[] damaged = second.clone();
    damaged[3] = (byte) 0xFF; // reserved header flags
    Result afterDamage = read(write("damaged.jsonl.gz", concat(first, damaged)));
    assertEquals(200, afterDamage.documents().size());
    assertEquals(InputProblem.Kind.UNREADABLE, afterDamage.onlyProblem().kind());

    Result afterJunk = read(write("junk.jsonl.gz", concat(first, "junk".getBytes(UTF_8))));
    assertEquals(200, afterJunk.documents().size());
    assertEquals(InputProblem.Kind.UNREADABLE, afterJunk.onlyProblem().kind());
  }

  @Test
  void jsonlGz_emptyFile_isEmptyNotDamaged() throws IOException {
    Result result = read(write("empty.jsonl.gz", new byte[0]));
    assertTrue(result.documents().isEmpty());
    assertEquals(InputProblem.Kind.EMPTY, result.onlyProblem().kind());
  }

  @Test
  void jsonl_largestMaxCharacters_keepsTexts() throws IOException {
    Path file = write("docs.jsonl", stories(0, 3));
    Result result = read(DocumentSource.builder(file).maxCharacters(Integer.MAX_VALUE).build());
    assertEquals(List.of("0", "1", "2"), result.ids());
    assertTrue(result.problems().isEmpty(), result.problems()::toString);
  }

  @Test
  void folder_txtLinkToNothing_isReported() throws IOException {
    Path stories = Files.createDirectory(folder.resolve("stories"));
    Files.writeString(stories.resolve("a.txt"), "A story.", UTF_8);
    try {
      Files.createSymbolicLink(stories.resolve("b.txt"), stories.resolve("gone.txt"));
    } catch (UnsupportedOperationException | IOException e) {
      return; // no symbolic links on this file system
    }

    Result result = read(stories);

    assertEquals(List.of("a"), result.ids());
    assertEquals(InputProblem.Kind.UNREADABLE, result.onlyProblem().kind());
    assertTrue(result.onlyProblem().source().endsWith("b.txt"));
  }

  @Test
  void jsonlGz_truncatedStream_keepsTheDocumentsBeforeTheBreak() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(compressed)) {
      for (int i = 0; i < 2000; i++) {
        gzip.write(("{\"id\":\"" + i + "\",\"text\":\"story " + i + " \"}\n").getBytes(UTF_8));
      }
    }
    byte[] bytes = compressed.toByteArray();
    Path file = write("docs.jsonl.gz", java.util.Arrays.copyOf(bytes, bytes.length - 20));

    Result result = read(file);

    assertTrue(result.documents().size() > 1000, () -> "read " + result.documents().size());
    assertEquals("0", result.documents().get(0).id());
    InputProblem problem = result.onlyProblem();
    assertEquals(InputProblem.Kind.UNREADABLE, problem.kind(), problem::toString);
    assertTrue(problem.line() > 1000, problem::toString);
  }

  @Test
  void jsonlGz_notGzip_isReportedAsUnreadable() throws IOException {
    Path file = write("docs.jsonl.gz", "{\"id\":\"a\",\"text\":\"plain\"}\n");

    Result result = read(file);

    assertTrue(result.documents().isEmpty());
    assertProblem(result.onlyProblem(), InputProblem.Kind.UNREADABLE, file, 0, null);
  }

  @Test
  void jsonl_emptyFile_isReported() throws IOException {
    Path file = write("docs.jsonl", "");

    Result result = read(file);

    assertTrue(result.documents().isEmpty());
    assertProblem(result.onlyProblem(), InputProblem.Kind.EMPTY, file, 0, null);
  }

  @Test
  void jsonl_binaryFile_isSkippedWhole() throws IOException {
    Path file = write("docs.jsonl", new byte[] {'{', 0, 0, 0, '}', '\n'});

    Result result = read(file);

    assertTrue(result.documents().isEmpty());
    assertProblem(result.onlyProblem(), InputProblem.Kind.BINARY, file, 0, null);
  }

  // ---- the path itself

  @Test
  void nonexistentPath_throwsExceptionNamingThePath() {
    Path missing = folder.resolve("no-such-input.jsonl");

    UnreadableInputException exception =
        assertThrows(UnreadableInputException.class, () -> read(missing));

    assertEquals(missing, exception.path());
    assertEquals(
        "cannot read input " + missing + ": no such file or directory", exception.getMessage());
  }

  @Test
  void unsupportedFileType_throwsExceptionNamingThePath() throws IOException {
    Path xml = write("docs.xml", "<docs/>\n");

    UnreadableInputException exception =
        assertThrows(UnreadableInputException.class, () -> read(xml));

    assertTrue(exception.getMessage().contains(xml.toString()), exception::getMessage);
  }

  @Test
  void builder_rejectsNonPositiveMaxCharacters() {
    IllegalArgumentException exception =
        assertThrows(
            IllegalArgumentException.class, () -> DocumentSource.builder(folder).maxCharacters(0));
    assertEquals("maxCharacters must be > 0, got 0", exception.getMessage());
  }

  @Test
  void iterator_afterClose_hasNoNext() throws IOException {
    write("a.txt", "alpha");
    write("b.txt", "beta");
    DocumentIterator iterator = DocumentSource.of(folder).iterator(problem -> {});
    assertTrue(iterator.hasNext());
    assertEquals("a", iterator.next().id());
    iterator.close();
    assertFalse(iterator.hasNext());
  }

  @Test
  void jsonl_malformedLine_isReportedAtTheSameColumn_withCrlfLineEnds() throws IOException {
    String bad = "{\"id\":\"x\",\"text\":\"unterminated";
    for (String end : List.of("\n", "\r\n")) {
      Path file = write("docs.jsonl", "{\"id\":\"a\",\"text\":\"b\"}" + end + bad + end);
      InputProblem problem = read(file).onlyProblem();
      assertTrue(
          problem.message().startsWith("malformed JSON at column " + (bad.length() + 1)),
          problem::toString);
    }
  }

  // ---- streams (standard input)

  @Test
  void jsonlStream_readsAsTheFileDoes_plainOrGzipped_andLeavesTheStreamOpen() throws IOException {
    String lines =
        "{\"id\":\"a\",\"text\":\"first story\",\"lang\":\"en\"}\n"
            + "not json\n"
            + "{\"id\":\"b\",\"text\":\"second story\"}\n";
    Result fromFile = read(write("stories.jsonl", lines));
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(lines.getBytes(UTF_8));
    }
    for (byte[] bytes : List.of(lines.getBytes(UTF_8), compressed.toByteArray())) {
      boolean[] closed = new boolean[1];
      java.io.InputStream stream =
          new java.io.ByteArrayInputStream(bytes) {
            @Override
            public void close() {
              closed[0] = true;
            }
          };
      Result fromStream = read(DocumentSource.ofJsonl("pipe", stream));

      assertEquals(fromFile.documents(), fromStream.documents());
      InputProblem problem = fromStream.onlyProblem();
      assertEquals("pipe", problem.source());
      assertEquals(2, problem.line());
      assertEquals(InputProblem.Kind.MALFORMED_JSON, problem.kind());
      assertFalse(closed[0], "the caller's stream was closed");
    }
  }

  @Test
  void jsonlStream_gzipped_isReadOnlyByTheThreadThatIterates() throws IOException {
    // A read-ahead thread blocked on a pipe cannot be stopped: closing would wait for it, and it
    // would go on taking the caller's bytes.
    java.util.Set<Thread> readers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.io.InputStream stream =
        new java.io.FilterInputStream(new java.io.ByteArrayInputStream(gzip(stories(0, 50)))) {
          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            readers.add(Thread.currentThread());
            return super.read(buffer, offset, length);
          }

          @Override
          public int read() throws IOException {
            readers.add(Thread.currentThread());
            return super.read();
          }
        };

    assertEquals(50, read(DocumentSource.ofJsonl("pipe", stream)).documents().size());
    assertEquals(java.util.Set.of(Thread.currentThread()), readers);
  }

  @Test
  void jsonlStream_isReadOnce_evenThroughTwoBuilds() throws IOException {
    DocumentSource.Builder builder =
        DocumentSource.jsonlBuilder(
            "pipe",
            new java.io.ByteArrayInputStream("{\"id\":\"a\",\"text\":\"x\"}\n".getBytes(UTF_8)));
    DocumentSource source = builder.build();
    assertEquals(List.of("a"), read(source).ids());
    assertNull(source.path());
    assertEquals("pipe", source.name());

    assertThrows(IllegalStateException.class, () -> source.iterator(problem -> {}));
    assertThrows(IllegalStateException.class, () -> builder.build().iterator(problem -> {}));
  }

  @Test
  void jsonlStream_empty_isReportedUnderItsName() throws IOException {
    Result result =
        read(DocumentSource.ofJsonl("-", new java.io.ByteArrayInputStream(new byte[0])));
    assertTrue(result.documents().isEmpty());
    assertEquals("-", result.onlyProblem().source());
    assertEquals(InputProblem.Kind.EMPTY, result.onlyProblem().kind());
  }

  // ---- real text

  @Test
  void seedFolder_yieldsTheFiveSeedDocuments() throws IOException {
    Result result = read(Path.of("testdata", "seeds"));

    assertEquals(
        List.of(
            "000_1ef89ecac97abb9a",
            "001_0e17fbea12fc6044",
            "002_da7ef6208064fff2",
            "003_9d1f904c1f5aad34",
            "004_adea4495f1fc6c7e"),
        result.ids());
    assertTrue(result.problems().isEmpty(), result.problems()::toString);
    assertTrue(result.documents().get(2).text().startsWith("Великий витік даних"));
  }

  private static void writeRepeated(Path file, int characters) throws IOException {
    byte[] chunk = "0123456789".repeat(100_000).getBytes(UTF_8);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int written = 0; written < characters; written += chunk.length) {
        out.write(chunk, 0, Math.min(chunk.length, characters - written));
      }
    }
  }

  @Test
  void duplicateFileIds_blameTheFileNameEncoding_onlyWhenANameCouldNotBeDecoded() {
    String c = TextFileIterator.fileNameCause("caf\uFFFD\uFFFD", "ANSI_X3.4-1968");
    assertTrue(c.contains("sun.jnu.encoding=ANSI_X3.4-1968") && c.contains("LC_ALL=C.UTF-8"), c);
    assertTrue(TextFileIterator.fileNameCause("caf??", "ANSI_X3.4-1968").contains("LC_ALL"));
    String utf8 = TextFileIterator.fileNameCause("caf\uFFFD", "UTF-8");
    assertTrue(utf8.contains("not written in UTF-8") && !utf8.contains("LC_ALL"), utf8);
    // a.txt and a.TXT: one id, nothing to do with the encoding.
    assertEquals("", TextFileIterator.fileNameCause("a", "ANSI_X3.4-1968"));
    assertEquals("", TextFileIterator.fileNameCause("why?", "UTF-8"));
  }
}
