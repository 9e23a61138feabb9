package org.polydup.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.polydup.Match;
import org.polydup.report.HtmlReport;
import picocli.CommandLine.Option;

/** Where scan and query write their results, and whether they add the HTML page. */
final class OutputOptions {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "polydup-out",
      description = "Output folder (created if missing). Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(
      names = "--html",
      description =
          "Also write DIR/report.html: the pairs with their evidence quoted in context from both"
              + " texts, for reading (at most the first 1000 pairs; pairs.jsonl has them all).")
  boolean html;

  /** A file in the output folder. */
  Path file(String name) {
    return out.resolve(name);
  }

  /** Writes {@code report.html} when asked for; returns ", DIR/report.html" then, else "". */
  String writeHtml(String title, List<Match> matches, Function<String, String> textOf)
      throws IOException {
    if (!html) {
      return "";
    }
    HtmlReport.write(file("report.html"), title, matches, textOf, HtmlReport.DEFAULT_MAXIMUM_PAIRS);
    return ", " + file("report.html");
  }
}
