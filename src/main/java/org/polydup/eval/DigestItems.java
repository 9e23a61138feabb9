package org.polydup.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;
import org.polydup.verify.Excerpts;

/**
 * Measures how far the syndication set's digest excerpts can be told apart from the link previews
 * beside them, the reason its F1 target is out of reach.
 *
 * <p>A digest quotes its own story (labelled {@code contained}) and 2–5 bystander stories (not
 * labelled, so a reported pair with one of them is a false positive), each as a headline and the
 * story's opening lines. This tool splits every digest of {@code pairs.jsonl} into its items, finds
 * the story each item quotes (the document whose text opens with the item), and counts own and
 * bystander items by the shape {@code VerificationPolicy} reads: how many lines the item has and
 * how long it is in Latin-equivalent characters, both as {@link Excerpts} measures them. Given a
 * scan's {@code pairs.jsonl}, it also counts the own items the scan missed by the same shape. The
 * items it cannot attribute (a quoted story's opening edited away) are counted, not guessed.
 *
 * <p>Run: {@code java -cp target/polydup-0.1.0-SNAPSHOT-cli.jar org.polydup.eval.DigestItems
 * ../shared/data/syndication [SCAN/pairs.jsonl]}.
 */
public final class DigestItems {
  /** The line that closes an item: "Read more → https://…" in the digest's language. */
  private static final Pattern ITEM_END = Pattern.compile("→\\s*https?://\\S+\\s*$");

  private static final Pattern NUMBERING = Pattern.compile("^\\d+\\.\\s+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Characters of an item's opening that identify the story it quotes. */
  private static final int KEY_LENGTH = 50;

  private static final int[] LENGTH_BOUNDS = {150, 300, Integer.MAX_VALUE};

  private DigestItems() {}

  /**
   * Prints the table.
   *
   * @param args the syndication folder, then optionally a scan's {@code pairs.jsonl}
   */
  public static void main(String[] args) {
    Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/syndication");
    Set<PairKey> found = null;
    if (args.length > 1) {
      found = new HashSet<>();
      for (JsonNode row : Jsonl.read(Path.of(args[1]))) {
        found.add(PairKey.of(Jsonl.text(row, "a"), Jsonl.text(row, "b")));
      }
    }
    Table table = count(folder, found);
    System.out.printf(
        Locale.ROOT,
        "%d digests, %d items, %d not attributed to a story, %d opening a copy of the digest's"
            + " own story only%n",
        table.digests,
        table.items,
        table.unattributed,
        table.ownCopies);
    System.out.printf(
        Locale.ROOT,
        "%-34s %6s %10s%s%n",
        "item shape",
        "own",
        "bystander",
        found == null ? "" : "  own, missed by the scan");
    for (int row = 0; row < ROWS; row++) {
      System.out.printf(
          Locale.ROOT,
          "%-34s %6d %10d%s%n",
          label(row),
          table.own[row],
          table.bystander[row],
          found == null ? "" : String.format(Locale.ROOT, "  %6d", table.missed[row]));
    }
  }

  /** Rows of the table: 1, 2, 3+ lines by each length bucket. */
  static final int ROWS = LENGTH_BOUNDS.length * 3;

  /** Item counts per shape row ({@link #shape}). */
  static final class Table {
    int digests;
    int items;
    int unattributed;

    /**
     * Items of a story of the digest's own cluster that is not its labelled pair: in the set as
     * generated, none (a digest quotes a story, the copies of which are not labelled with it).
     */
    int ownCopies;

    final int[] own = new int[ROWS];
    final int[] bystander = new int[ROWS];
    final int[] missed = new int[ROWS];
  }

  /**
   * Counts the items of the set in {@code folder} (its {@code docs.jsonl} and {@code pairs.jsonl})
   * by shape; {@code found}, when not null, the pairs a scan reported.
   */
  static Table count(Path folder, Set<PairKey> found) {
    Map<String, String> texts = new HashMap<>();
    for (JsonNode row : Jsonl.read(folder.resolve("docs.jsonl"))) {
      texts.put(Jsonl.text(row, "id"), Jsonl.text(row, "text"));
    }
    Set<PairKey> labelled = new HashSet<>();
    Set<String> digests = new HashSet<>();
    for (JsonNode row : Jsonl.read(folder.resolve("pairs.jsonl"))) {
      labelled.add(PairKey.of(Jsonl.text(row, "a"), Jsonl.text(row, "b")));
      if ("digest".equals(Jsonl.text(row, "transform"))) {
        digests.add(Jsonl.text(row, "a"));
      }
    }
    Map<String, List<String>> byOpening = new HashMap<>();
    for (Map.Entry<String, String> doc : texts.entrySet()) {
      if (!digests.contains(doc.getKey())) {
        String key = opening(doc.getValue());
        byOpening.computeIfAbsent(key, k -> new ArrayList<>()).add(doc.getKey());
      }
    }
    Map<String, String> clusterOf = new HashMap<>();
    SyndicationEvaluation.readGroups(folder.resolve("clusters.tsv"), clusterOf);
    Table table = new Table();
    table.digests = digests.size();
    for (String digest : digests.stream().sorted().toList()) {
      for (String item : items(texts.get(digest))) {
        table.items++;
        List<String> stories = byOpening.get(opening(item));
        if (stories == null) {
          table.unattributed++;
          continue;
        }
        // Each item counts once. An item opens its story and the copies that keep its opening (a
        // light edit, a truncation): counted per story, an own item's copies were counted as
        // bystanders, and the bystander column overstated the previews (1,623 against 1,401).
        int row = shape(item);
        List<PairKey> own =
            stories.stream()
                .map(story -> PairKey.of(digest, story))
                .filter(labelled::contains)
                .toList();
        if (!own.isEmpty()) {
          table.own[row]++;
          if (found != null && !own.stream().allMatch(found::contains)) {
            table.missed[row]++;
          }
        } else if (stories.stream()
            .noneMatch(story -> Objects.equals(clusterOf.get(story), clusterOf.get(digest)))) {
          table.bystander[row]++;
        } else {
          table.ownCopies++;
        }
      }
    }
    return table;
  }

  /** The items of a digest: the blocks that end in a "→ URL" line, masthead and numbering cut. */
  static List<String> items(String digest) {
    List<String> items = new ArrayList<>();
    StringBuilder item = new StringBuilder();
    boolean first = true;
    for (String line : digest.split("\n", -1)) {
      if (ITEM_END.matcher(line).find()) {
        String text = item.toString().strip();
        if (first) {
          // The masthead is the digest's first line, above its first item.
          int newline = text.indexOf('\n');
          text = newline < 0 ? "" : text.substring(newline + 1).strip();
          first = false;
        }
        items.add(NUMBERING.matcher(text).replaceFirst(""));
        item.setLength(0);
      } else if (!line.isBlank()) {
        item.append(line).append('\n');
      }
    }
    return items;
  }

  private static String opening(String text) {
    String flat = SPACES.matcher(StringEscapeUtils.unescapeHtml4(text)).replaceAll(" ").strip();
    return flat.substring(0, Math.min(KEY_LENGTH, flat.length()));
  }

  /** Row of the table: lines (1, 2, 3 or more) by Latin-equivalent length bucket. */
  static int shape(String item) {
    // The measures VerificationPolicy reads an excerpt by.
    int lines = Excerpts.lineCount(item, 0, item.length());
    int length = Excerpts.weightedLength(item, 0, item.length());
    int bucket = 0;
    while (length >= LENGTH_BOUNDS[bucket]) {
      bucket++;
    }
    return (Math.min(lines, 3) - 1) * LENGTH_BOUNDS.length + bucket;
  }

  private static String label(int row) {
    int lines = row / LENGTH_BOUNDS.length + 1;
    int bucket = row % LENGTH_BOUNDS.length;
    String length =
        bucket == 0
            ? "< " + LENGTH_BOUNDS[0]
            : bucket == LENGTH_BOUNDS.length - 1
                ? ">= " + LENGTH_BOUNDS[bucket - 1]
                : LENGTH_BOUNDS[bucket - 1] + "-" + (LENGTH_BOUNDS[bucket] - 1);
    return (lines == 3 ? "3+ lines" : lines + (lines == 1 ? " line" : " lines"))
        + ", "
        + length
        + " chars";
  }
}
