package org.polydup.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polydup.io.DocumentSourceTest.assertProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polydup.io.DocumentSourceTest.Result;

class CsvSourceTest {
  @TempDir Path folder;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text, UTF_8);
  }

  @Test
  void csv_readsQuotedFields_inAnyColumnOrder_ignoringOtherColumns() throws IOException {
    Path file =
        write(
            "docs.csv",
            "Text,source,ID,Lang\r\n"
                + "\"Kyiv, 3 May: the \"\"Financial Times\"\" reports\",agency,a,en\r\n"
                + "\"first paragraph\r\n\r\nsecond paragraph\",site,b,\r\n"
                + "\r\n"
                + "plain text,site,c,uk\r\n");

    Result result = DocumentSourceTest.read(file);

    assertEquals(List.of(), result.problems());
    assertEquals(List.of("a", "b", "c"), result.ids());
    assertEquals("Kyiv, 3 May: the \"Financial Times\" reports", result.documents().get(0).text());
    assertEquals("en", result.documents().get(0).languageHint());
    assertEquals("first paragraph\r\n\r\nsecond paragraph", result.documents().get(1).text());
    assertNull(result.documents().get(1).languageHint(), "an empty lang cell is no hint");
    assertEquals("plain text", result.documents().get(2).text());
    assertEquals("uk", result.documents().get(2).languageHint());
  }

  @Test
  void tsv_readsTabSeparated_andAQuoteInsideAnUnquotedFieldIsLiteral() throws IOException {
    Path file =
        write(
            "docs.tsv",
            "id\ttext\n" + "a\tA 5\" screen, \"big\" news\n" + "b\t\"tab\there\"\n" + "c\tthird\n");

    Result result = DocumentSourceTest.read(file);

    assertEquals(List.of(), result.problems());
    assertEquals(List.of("a", "b", "c"), result.ids());
    assertEquals("A 5\" screen, \"big\" news", result.documents().get(0).text());
    assertEquals("tab\there", result.documents().get(1).text());
  }

  @Test
  void csv_malformedRecords_areSkipped_withTheirLine_andTheOthersRead() throws IOException {
    Path file =
        write(
            "docs.csv",
            "id,text,lang\n"
                + "a,alpha,en\n"
                + "b,\"bravo\" trailing,en\n"
                + "c,charlie\n"
                + " ,blank id,en\n"
                + "e,echo,English\n"
                + "f,,en\n"
                + "a,again,en\n"
                + "h,hotel,en\n");

    Result result = DocumentSourceTest.read(file);

    assertEquals(List.of("a", "e", "h"), result.ids());
    List<InputProblem> problems = result.problems();
    assertEquals(6, problems.size(), problems::toString);
    assertProblem(problems.get(0), InputProblem.Kind.MALFORMED_CSV, file, 3, null);
    assertTrue(problems.get(0).message().startsWith("malformed CSV ("), problems.get(0)::message);
    // The quote after "bravo" is followed by text, so it does not close the field, and no later
    // quote does: the field runs to the end of the file, and reading resumes on the next line.
    assertTrue(
        problems.get(0).message().endsWith("; line skipped, reading resumes on line 4"),
        problems.get(0)::message);
    assertProblem(problems.get(1), InputProblem.Kind.MALFORMED_CSV, file, 4, "c");
    assertEquals("2 fields where the header has 3; record skipped", problems.get(1).message());
    assertProblem(problems.get(2), InputProblem.Kind.INVALID_FIELD, file, 5, null);
    assertProblem(problems.get(3), InputProblem.Kind.IGNORED_LANGUAGE, file, 6, "e");
    assertTrue(problems.get(3).message().contains("\"English\""), problems.get(3)::message);
    assertNull(result.documents().get(1).languageHint());
    assertProblem(problems.get(4), InputProblem.Kind.EMPTY, file, 7, "f");
    assertProblem(problems.get(5), InputProblem.Kind.DUPLICATE_ID, file, 8, "a");
  }

  @Test
  void csv_quoteNeverClosed_costsOnlyItsLine() throws IOException {
    Path file =
        write(
            "docs.csv",
            "id,text\n" + "a,alpha\n" + "b,\"never closed\n" + "c,charlie\n" + "d,delta\n");

    Result result = DocumentSourceTest.read(file);

    assertEquals(List.of("a", "c", "d"), result.ids());
    assertProblem(result.onlyProblem(), InputProblem.Kind.MALFORMED_CSV, file, 3, null);
    assertTrue(
        result.onlyProblem().message().endsWith("reading resumes on line 4"),
        result.onlyProblem()::message);
  }

  @Test
  void csv_unescapedQuotesInAQuotedStory_skipStoryWhole_asOneProblem_andMakeUpNoDocuments()
      throws IOException {
    // The quotes around "no" neither close the story (a letter follows) nor are doubled: the story
    // runs to its real closing quote on line 5. Line 4 holds a comma and so looks like an id and a
    // text; it must not come back as a document, nor line 5 as a record of its own.
    Path file =
        write(
            "docs.csv",
            "id,text\n"
                + "a,alpha\n"
                + "b,\"First paragraph.\n"
                + "In Kyiv, the mayor said \"no\" twice.\n"
                + "Last paragraph.\"\n"
                + "c,\"charlie, quoted\"\n");

    Result result = DocumentSourceTest.read(file);

    assertEquals(List.of("a", "c"), result.ids());
    InputProblem problem = result.onlyProblem();
    assertProblem(problem, InputProblem.Kind.MALFORMED_CSV, file, 3, null);
    assertTrue(problem.message().endsWith("record (lines 3-5, 3 lines) skipped"), problem::message);
    assertTrue(!problem.message().contains("position:"), problem::message);
    assertEquals("charlie, quoted", result.documents().get(1).text());
  }

  @Test
  void csv_strayQuoteBeforeAnId_costsOnlyItsRecord_andMakesUpNoDocuments() throws IOException {
    // As Python's csv module writes it: CRLF after each record, LF inside the quoted stories.
    // Record 10 gets a quote before its id, so the id field is quoted as "b000010," and followed
    // by the story's own opening quote; its second line, with one comma, looks like id,text.
    int stories = 2_000;
    StringBuilder csv = new StringBuilder("id,text\r\n");
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= stories; i++) {
      String id = String.format(Locale.ROOT, "b%06d", i);
      ids.add(id);
      csv.append(i == 10 ? "\"" : "")
          .append(id)
          .append(",\"Story ")
          .append(i)
          .append(", first paragraph, from Kyiv.\n")
          .append("Second paragraph of story ")
          .append(i)
          .append(", with a \"\"quote\"\" in it.\n")
          .append("Last paragraph.\"\r\n");
    }
    Path file = write("docs.csv", csv.toString());

    Result result = DocumentSourceTest.read(file);

    List<String> expected = new ArrayList<>(ids);
    expected.remove("b000010");
    assertEquals(expected, result.ids());
    int line = 2 + 9 * 3; // the header, then three lines a story
    InputProblem problem = result.onlyProblem();
    assertProblem(problem, InputProblem.Kind.MALFORMED_CSV, file, line, null);
    assertTrue(
        problem
            .message()
            .endsWith("record (lines " + line + "-" + (line + 2) + ", 3 lines) skipped"),
        problem::message);
    assertEquals(
        "Story 11, first paragraph, from Kyiv.\n"
            + "Second paragraph of story 11, with a \"quote\" in it.\n"
            + "Last paragraph.",
        result.documents().get(9).text());
  }

  @Test
  void csv_strayQuoteNeverClosed_resumesOnTheNextLine_andSaysHowFarItRan() throws IOException {
    Path file =
        write("docs.csv", "id,text\n" + "a,alpha\n" + "\"b,bravo\n" + "c,charlie\n" + "d,delta\n");

    Result result = DocumentSourceTest.read(file);

    assertEquals(List.of("a", "c", "d"), result.ids());
    InputProblem problem = result.onlyProblem();
    assertProblem(problem, InputProblem.Kind.MALFORMED_CSV, file, 3, null);
    assertTrue(
        problem.message().contains("never closed: it runs 3 lines to the end of the file"),
        problem::message);
    assertTrue(problem.message().endsWith("reading resumes on line 4"), problem::message);
  }

  @Test
  void csv_strayQuoteRunningPastTheBuffer_isReported_withTheLinesItTook() throws IOException {
    StringBuilder csv = new StringBuilder("id,text\n\"a,stray quote\n");
    for (int i = 0; i < 100; i++) {
      csv.append("r").append(i).append(",plain record ").append(i).append('\n');
    }
    // the next quote that can close: "q is text, the quote before the line break closes
    csv.append("z,\"quoted\"\n").append("after,read again\n");
    Path file = write("docs.csv", csv.toString());
    List<InputProblem> problems = new ArrayList<>();
    List<String> ids = new ArrayList<>();

    try (CsvIterator iterator = new CsvIterator(file, false, ',', 100, 1_000, problems::add)) {
      iterator.forEachRemaining(document -> ids.add(document.id()));
    }

    assertEquals(List.of("after"), ids);
    assertEquals(1, problems.size(), problems::toString);
    assertProblem(problems.get(0), InputProblem.Kind.OVERSIZED, file, 2, null);
    assertTrue(
        problems.get(0).message().endsWith("record (lines 2-103, 102 lines) skipped"),
        problems.get(0)::message);
  }

  @Test
  void csv_wellFormedRfc4180_readsAsWritten() throws IOException {
    // A BOM, CRLF record ends, doubled quotes, line breaks inside quoted fields, whitespace between
    // a closing quote and the delimiter (Commons CSV skips it), a quoted last field at the end of
    // the file without a line break.
    Path file =
        write(
            "docs.csv",
            "\uFEFFid,text\r\n"
                + "a,\"say \"\"yes\"\", \"\"no\"\"\"\r\n"
                + "\"b\"  ,\"two\r\nlines\nand \"\"\"\"\"\r\n"
                + "c,\"\"\"\"\r\n"
                + "d,\"last, at the end\"");

    Result result = DocumentSourceTest.read(file);

    assertEquals(List.of(), result.problems());
    assertEquals(List.of("a", "b", "c", "d"), result.ids());
    assertEquals("say \"yes\", \"no\"", result.documents().get(0).text());
    assertEquals("two\r\nlines\nand \"\"", result.documents().get(1).text());
    assertEquals("\"", result.documents().get(2).text());
    assertEquals("last, at the end", result.documents().get(3).text());
  }

  @Test
  void csv_whitespaceOnlyLines_areSkippedAsBlank_andALoneCarriageReturnIsExplained()
      throws IOException {
    Path file = write("docs.csv", "id,text\n  \t\na,alpha\nb,bra\rvo\nc,charlie\n");

    Result result = DocumentSourceTest.read(file);

    assertEquals(List.of("a", "c"), result.ids());
    assertProblem(result.onlyProblem(), InputProblem.Kind.MALFORMED_CSV, file, 4, null);
    assertTrue(
        result.onlyProblem().message().contains("a carriage return outside quotes ends a record"),
        result.onlyProblem()::message);
  }

  @Test
  void csv_manyUnclosedQuotes_areReadAgainOnlyABoundedNumberOfTimes() throws IOException {
    StringBuilder csv = new StringBuilder("id,text,note\n");
    int bad = CsvIterator.MAXIMUM_RESUMES + 5;
    for (int i = 0; i < bad; i++) {
      // x"y is literal and "z opens a field; every quote after it is followed by a letter, so
      // none closes it: every line's quote is open at the end of the file.
      csv.append("bad").append(i).append(",x\"y,\"z\n");
    }
    Path file = write("docs.csv", csv.toString());

    Result result = DocumentSourceTest.read(file);

    assertEquals(List.of(), result.ids());
    List<InputProblem> problems = result.problems();
    assertEquals(CsvIterator.MAXIMUM_RESUMES + 1, problems.size(), problems::toString);
    assertTrue(
        problems
            .get(problems.size() - 1)
            .message()
            .endsWith("(too many unclosed quotes to read again)"),
        problems.get(problems.size() - 1)::message);
  }

  @Test
  void csv_invalidUtf8InOneRecord_skipsOnlyThatRecord() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("id,text\na,alpha\nb,\"bra".getBytes(UTF_8));
    bytes.write(0xC3); // a lead byte without its continuation
    bytes.writeBytes("vo\nstill b\"\nc,charlie\n".getBytes(UTF_8));
    Path file = Files.write(folder.resolve("docs.csv"), bytes.toByteArray());

    Result result = DocumentSourceTest.read(file);

    assertEquals(List.of("a", "c"), result.ids());
    assertProblem(result.onlyProblem(), InputProblem.Kind.INVALID_UTF8, file, 3, "b");
    // 8 + 8 + 6 bytes come before the bad one
    assertEquals("invalid UTF-8 at byte 22; record skipped", result.onlyProblem().message());
  }

  @Test
  void csv_headerWithoutTextColumn_skipsTheFile() throws IOException {
    Path file = write("docs.csv", "id,body\na,alpha\n");

    Result result = DocumentSourceTest.read(file);

    assertEquals(List.of(), result.ids());
    assertProblem(result.onlyProblem(), InputProblem.Kind.MISSING_FIELD, file, 1, null);
    assertTrue(
        result.onlyProblem().message().startsWith("the header has no \"text\" column"),
        result.onlyProblem()::message);
  }

  @Test
  void csv_emptyFile_andHeaderOnly_areReported() throws IOException {
    Path empty = write("empty.csv", "");
    Path headerOnly = write("header.csv", "id,text\n\n");

    assertProblem(
        DocumentSourceTest.read(empty).onlyProblem(), InputProblem.Kind.EMPTY, empty, 0, null);
    InputProblem problem = DocumentSourceTest.read(headerOnly).onlyProblem();
    assertProblem(problem, InputProblem.Kind.EMPTY, headerOnly, 0, null);
    assertEquals("no records after the header", problem.message());
  }

  @Test
  void csv_binaryFile_isSkippedWhole() throws IOException {
    Path file = Files.write(folder.resolve("docs.csv"), new byte[] {'i', 'd', 0, 1, 2, '\n'});

    assertProblem(
        DocumentSourceTest.read(file).onlyProblem(), InputProblem.Kind.BINARY, file, 0, null);
  }

  @Test
  void csv_hugeText_isTruncatedWithWarning_andTheNextRecordIsRead() throws IOException {
    String big = "word ".repeat(30_000);
    Path file = write("docs.csv", "id,text\nbig,\"" + big + "\"\nsmall,small text\n");

    Result result =
        DocumentSourceTest.read(DocumentSource.builder(file).maxCharacters(100_000).build());

    assertEquals(List.of("big", "small"), result.ids());
    assertEquals(100_000, result.documents().get(0).text().length());
    assertProblem(result.onlyProblem(), InputProblem.Kind.TRUNCATED, file, 2, "big");
  }

  @Test
  void csv_recordTooLongToBuffer_isSkipped_andTheNextRecordIsRead() throws IOException {
    Path file = write("docs.csv", "id,text\nbig,\"" + "x".repeat(5_000) + "\"\nsmall,small text\n");
    List<InputProblem> problems = new ArrayList<>();
    List<String> ids = new ArrayList<>();

    try (CsvIterator iterator = new CsvIterator(file, false, ',', 100, 1_000, problems::add)) {
      iterator.forEachRemaining(document -> ids.add(document.id()));
    }

    assertEquals(List.of("small"), ids);
    assertEquals(1, problems.size(), problems::toString);
    assertProblem(problems.get(0), InputProblem.Kind.OVERSIZED, file, 2, null);
  }

  @Test
  void csvGz_isReadLikeCsv() throws IOException {
    Path file = folder.resolve("docs.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("id,text\na,\"alpha, gzipped\"\nb,bravo\n".getBytes(UTF_8));
    }

    Result result = DocumentSourceTest.read(file);

    assertEquals(List.of(), result.problems());
    assertEquals(List.of("a", "b"), result.ids());
    assertEquals("alpha, gzipped", result.documents().get(0).text());
  }

  @Test
  void boundary_followsRfc4180Quoting() {
    assertTrue(inQuotes("a,\"open"));
    assertTrue(inQuotes("a,\"open \"\" still"));
    assertTrue(!inQuotes("a,\"closed\""));
    assertTrue(!inQuotes("a,b\"c"), "a quote inside an unquoted field is literal");
    assertTrue(inQuotes("\"x\",\"y"));
    assertTrue(!inQuotes("a\t\"b\"", '\t'));
    assertTrue(!inQuotes("a,\"b\"\"\""), "a doubled quote, then the closing one");
    assertTrue(!inQuotes("a,\"b\" \t"), "whitespace before the line break");
    assertTrue(!inQuotes("\"a\" ,\"b\""), "whitespace before the delimiter");
  }

  @Test
  void boundary_quoteFollowedByText_isText_andTheFieldGoesOn() {
    assertTrue(inQuotes("\"b000010,\"Story"), "a stray quote before the id");
    assertTrue(inQuotes("a,\"said \"no\" twice"));
    assertTrue(inQuotes("a,\"x\" y"), "whitespace, then text");
    assertTrue(!inQuotes("a,\"x\" y\""), "the next quote closes");
    assertTrue(!inQuotes("a,\"x\"y\",b"), "so does one before the delimiter");
    assertTrue(inQuotes("a,\"x\"y\",\"b"), "and a quote may open the next field");
  }

  private static boolean inQuotes(String line) {
    return inQuotes(line, ',');
  }

  private static boolean inQuotes(String line, char delimiter) {
    CsvIterator.Boundary boundary = new CsvIterator.Boundary(delimiter);
    line.chars().forEach(c -> boundary.accept((char) c));
    return boundary.inQuotes();
  }
}
