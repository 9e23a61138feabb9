package org.polydup.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A copy of a labelled set (xling's layout: {@code docs.jsonl} with {@code id}, {@code lang} and
 * {@code text}) whose texts no longer keep their paragraphs one to one, to measure evidence that
 * relies on paragraph structure ({@code ParagraphShape}) on translations that merge or split
 * paragraphs.
 *
 * <p>Documents are perturbed, not pairs: a document belongs to several gold pairs, and each is
 * perturbed independently, from a random stream seeded by a hash of its id and the seed, so the
 * output is the same on every run and machine and does not depend on the order of the file.
 *
 * <ul>
 *   <li>Merge: each newline between two non-blank lines is, with probability {@code merge},
 *       replaced by a space (by nothing in Chinese and Japanese texts). No other character changes;
 *       runs of merges join three or more lines.
 *   <li>Split: then each non-blank line that holds a sentence boundary ({@code . ! ?} followed by
 *       whitespace, or {@code 。！？} followed by more text) at least {@value #MINIMUM_SIDE} chars
 *       from either end is, with probability {@code split}, broken at the boundary nearest its
 *       middle: the whitespace after the full stop becomes a newline (after {@code 。} a newline is
 *       inserted).
 * </ul>
 *
 * <p>Every other field of each document, and {@code pairs.jsonl} and {@code README.md}, are copied
 * unchanged, so {@code polydup eval xling OUTDIR} scores the perturbed copy against the same gold.
 *
 * <p>Measured (seed 1, xling documents of at least 400 chars, 2,998 gold pairs; "before" is the jar
 * of commit 48db596, without the structure arm): xling's lines are mostly single sentences, so
 * {@code --merge 0.1} already changes 67% of the documents and leaves 28% of the gold pairs with
 * equal line counts. F1 before 0.818 at every P; with the arm 0.884 (P 0), 0.875 (0.02), 0.862
 * (0.05), 0.843 (0.1; seeds 2 and 3: 0.840, 0.848), 0.826 (0.2), 0.821 (0.3), false positives 83-86
 * throughout. {@code --split} barely applies (0.3 changes 9% of the documents) and costs at most 6
 * true pairs: a 1-2 bead absorbs a split.
 *
 * <p>Run: {@code java -cp target/polydup-0.1.0-SNAPSHOT-cli.jar org.polydup.eval.PerturbedSet
 * ../shared/data/xling OUTDIR --merge 0.1 [--split 0] [--seed 1]}
 */
public final class PerturbedSet {
  /** Chars a split leaves on each side of the break, at least. */
  static final int MINIMUM_SIDE = 30;

  private final double merge;
  private final double split;
  private final long seed;

  /**
   * @param merge probability that a newline between two non-blank lines is removed
   * @param split probability that a line with a sentence boundary is broken there
   * @param seed the seed mixed into each document's random stream
   */
  public PerturbedSet(double merge, double split, long seed) {
    if (!(merge >= 0 && merge <= 1 && split >= 0 && split <= 1)) {
      throw new IllegalArgumentException("probabilities must lie in [0, 1]");
    }
    this.merge = merge;
    this.split = split;
    this.seed = seed;
  }

  /**
   * Writes the perturbed copy of {@code input}'s set to {@code output}.
   *
   * @param args {@code INPUT OUTPUT [--merge P] [--split P] [--seed S]}
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println(
          "usage: PerturbedSet INPUT_DIR OUTPUT_DIR [--merge P] [--split P] [--seed S]");
      System.exit(2);
    }
    double merge = 0;
    double split = 0;
    long seed = 1;
    for (int i = 2; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--merge" -> merge = Double.parseDouble(args[i + 1]);
        case "--split" -> split = Double.parseDouble(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    int[] counts = new PerturbedSet(merge, split, seed).write(Path.of(args[0]), Path.of(args[1]));
    System.out.printf(
        Locale.ROOT,
        "%d documents written to %s (merge %s, split %s, seed %d): %d changed%n",
        counts[0],
        args[1],
        merge,
        split,
        seed,
        counts[1]);
  }

  /**
   * Writes {@code output/docs.jsonl} (every document, perturbed) and copies {@code pairs.jsonl} and
   * {@code README.md} when present.
   *
   * @return the number of documents and the number whose text changed
   */
  int[] write(Path input, Path output) {
    ObjectMapper json = new ObjectMapper();
    int documents = 0;
    int changed = 0;
    try {
      Files.createDirectories(output);
      try (BufferedWriter out =
          Files.newBufferedWriter(output.resolve("docs.jsonl"), StandardCharsets.UTF_8)) {
        for (JsonNode node : Jsonl.read(input.resolve("docs.jsonl"))) {
          ObjectNode d = (ObjectNode) node;
          String text = Jsonl.text(d, "text");
          String perturbed = perturb(Jsonl.text(d, "id"), Jsonl.text(d, "lang"), text);
          documents++;
          if (!perturbed.equals(text)) {
            changed++;
          }
          d.put("text", perturbed);
          out.write(json.writeValueAsString(d));
          out.write('\n');
        }
      }
      for (String name : List.of("pairs.jsonl", "README.md")) {
        if (Files.exists(input.resolve(name))) {
          Files.copy(
              input.resolve(name), output.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new int[] {documents, changed};
  }

  /** The perturbed text of document {@code id}; the same for the same id, text and seed. */
  String perturb(String id, String language, String text) {
    SplittableRandom random = new SplittableRandom(mix(seed, id));
    String joiner =
        language != null && (language.startsWith("zh") || language.equals("ja")) ? "" : " ";
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    List<String> merged = new ArrayList<>(lines.size());
    for (String line : lines) {
      int last = merged.size() - 1;
      // One draw per boundary between two non-blank lines, whatever the probability, so raising
      // the probability only adds merges (the same stream decides every boundary).
      if (last >= 0 && !merged.get(last).isBlank() && !line.isBlank()) {
        if (random.nextDouble() < merge) {
          merged.set(last, merged.get(last) + joiner + line);
          continue;
        }
      }
      merged.add(line);
    }
    if (split > 0) {
      SplittableRandom splits = random.split();
      for (int i = 0; i < merged.size(); i++) {
        String line = merged.get(i);
        int at = sentenceBreak(line);
        if (at >= 0 && splits.nextDouble() < split) {
          merged.set(i, splitAt(line, at));
        }
      }
    }
    return String.join("\n", merged);
  }

  /**
   * Where {@code line} may be broken: the index of the whitespace after {@code . ! ?} (replaced by
   * the newline) or of the char after {@code 。！？} (the newline goes before it), nearest the middle
   * and at least {@value #MINIMUM_SIDE} chars from either end; -1 when there is none.
   */
  static int sentenceBreak(String line) {
    int best = -1;
    int middle = line.length() / 2;
    for (int k = 0; k + 1 < line.length(); k++) {
      char c = line.charAt(k);
      char next = line.charAt(k + 1);
      boolean spaced = (c == '.' || c == '!' || c == '?') && Character.isWhitespace(next);
      boolean cjk =
          (c == '\u3002' || c == '\uff01' || c == '\uff1f') && !Character.isWhitespace(next);
      int at = k + 1;
      if ((spaced || cjk)
          && at >= MINIMUM_SIDE
          && line.length() - at >= MINIMUM_SIDE
          && (best < 0 || Math.abs(at - middle) < Math.abs(best - middle))) {
        best = at;
      }
    }
    return best;
  }

  /** {@code line} broken at {@code at}, a position from {@link #sentenceBreak}. */
  static String splitAt(String line, int at) {
    return Character.isWhitespace(line.charAt(at))
        ? line.substring(0, at) + "\n" + line.substring(at + 1)
        : line.substring(0, at) + "\n" + line.substring(at);
  }

  /** A 64-bit seed from the run's seed and a document id (FNV-1a, then SplitMix64's finaliser). */
  static long mix(long seed, String id) {
    long h = 0xcbf29ce484222325L ^ (seed * 0x9E3779B97F4A7C15L);
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }
}
