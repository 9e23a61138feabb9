package org.polydup.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.polydup.Document;
import org.polydup.MinHashScheme;
import org.polydup.ScanResult;
import org.polydup.eval.IncrementalRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code polydup bench}: time a whole scan end to end (read, normalise, segment, sketch, index,
 * verify, align, cluster) and print one JSON object as the last line.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Run a whole scan and measure it. The last line of output is one JSON object with docs,"
          + " seconds, docs_per_second, mb_per_second, peak_heap_bytes, index_bytes_per_doc.",
      "peak_heap_bytes is the sum of the heap pools' peaks since the start: an upper bound, since"
          + " the pools need not peak at the same moment and the young pool's peak holds garbage"
          + " not yet collected (it grows with the young generation's size).",
      "heap_after_gc_bytes is the largest heap in use right after a garbage collection during"
          + " the timed run: what the run kept alive (still including old garbage a young"
          + " collection leaves), independent of the young generation's size; 0 when no"
          + " collection ran.",
      "Input problems are printed on stderr as scan prints them; when no document can be read,"
          + " nothing is measured and the exit code is 1."
    })
final class BenchCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "INPUT")
  List<Path> inputs;

  @Mixin DetectorOptions detectorOptions;

  @Option(
      names = "--reference",
      description =
          "First run the same scan with classic k-hash MinHash in this process, and report the"
              + " ratio (reference_seconds, speedup).")
  boolean reference;

  @Option(
      names = "--incremental",
      description =
          "Measure the incremental API instead: take the documents in input order, query each"
              + " against those before it and add it (Detector.query, Detector.add), as a service"
              + " checking each new story against its archive. The batch scan of the same documents"
              + " runs first in this process as the baseline (scan_seconds, ratio_to_scan).")
  boolean incremental;

  @Override
  public Integer call() {
    if (incremental) {
      return incremental();
    }
    System.gc();
    resetPeaks();
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    Inputs read;
    long readNanos = 0;
    double referenceSeconds = Double.NaN;
    if (reference) {
      // The reference scans the same documents twice, so they are read first, not streamed.
      read = Inputs.readOrReport(inputs, detectorOptions.maxCharacters);
      if (read == null || !reportProblems(read)) {
        return Main.EXIT_INPUT;
      }
      readNanos = System.nanoTime() - start;
      long readCpuNanos = processCpuNanos() - cpuStart;
      // Warm the JIT on a slice first so neither timed run pays for compilation alone.
      detectorOptions
          .detector()
          .scan(read.documents.subList(0, Math.min(2000, read.documents.size())));
      long referenceStart = System.nanoTime();
      try (ProgressBar bar = ProgressBar.forStderr(detectorOptions.progress)) {
        detectorOptions.detector(MinHashScheme.CLASSIC).scan(read.documents, bar);
      }
      referenceSeconds = (System.nanoTime() - referenceStart + readNanos) / 1e9;
      System.gc();
      resetPeaks();
      start = System.nanoTime() - readNanos;
      cpuStart = processCpuNanos() - readCpuNanos;
    } else {
      read = Inputs.openOrReport(inputs, detectorOptions.maxCharacters);
      if (read == null) {
        return Main.EXIT_INPUT;
      }
    }
    ScanResult result;
    long heapAfterCollections;
    try (HeapAfterCollections heap = HeapAfterCollections.start();
        ProgressBar bar = ProgressBar.forStderr(detectorOptions.progress)) {
      if (reference) {
        result = detectorOptions.detector().scan(read.documents, bar);
      } else {
        // Read while the scan fingerprints what is already read, as `polydup scan` does;
        // read_seconds is then when the input ran out, the reading overlapped with the scan.
        Iterator<Document> stream = read.stream();
        long[] readEnd = {0};
        Iterator<Document> timed =
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                boolean more = stream.hasNext();
                if (!more && readEnd[0] == 0) {
                  readEnd[0] = System.nanoTime();
                }
                return more;
              }

              @Override
              public Document next() {
                return stream.next();
              }
            };
        result = detectorOptions.detector().scan(timed, bar);
        readNanos = readEnd[0] - start;
      }
      heapAfterCollections = heap.largestBytes();
    }
    // Streamed, the inputs' problems are known once the scan has read them all, as in scan.
    if (!reference && !reportProblems(read)) {
      return Main.EXIT_INPUT;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    long bytes = 0;
    for (Document d : read.documents) {
      bytes += utf8Length(d.text());
    }
    int docs = result.documents();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("docs", docs);
    o.put("seconds", round(seconds));
    o.put("read_seconds", round(readNanos / 1e9));
    o.put("cpu_seconds", round(cpuSeconds));
    o.put("docs_per_second", round(docs / seconds));
    o.put("mb_per_second", round(bytes / 1e6 / seconds));
    o.put("megabytes", round(bytes / 1e6));
    o.put(
        "threads",
        detectorOptions.threads == null
            ? Runtime.getRuntime().availableProcessors()
            : detectorOptions.threads);
    o.put("cross_language", !detectorOptions.noCrossLanguage);
    o.put("pairs", result.matches().size());
    o.put("clusters", result.clusters().size());
    o.put("candidate_pairs", result.statistics().shingleCandidatePairs());
    o.put("cross_language_candidate_pairs", result.statistics().crossLanguageCandidatePairs());
    if (reference) {
      o.put("reference", "classic k-hash MinHash, same scan, same process, run first");
      o.put("reference_seconds", round(referenceSeconds));
      o.put("speedup", round(referenceSeconds / seconds));
    }
    o.put("peak_heap_bytes", peakHeap());
    o.put("heap_after_gc_bytes", heapAfterCollections);
    o.put("index_bytes_per_doc", docs == 0 ? 0 : result.statistics().indexBytes() / docs);
    o.put(
        "passage_index_bytes_per_doc",
        docs == 0 ? 0 : result.statistics().passageIndexBytes() / docs);
    o.put(
        "verification_bytes_per_doc",
        docs == 0 ? 0 : result.statistics().verificationBytes() / docs);
    result
        .statistics()
        .stageSeconds()
        .forEach((stage, secs) -> o.put("seconds_" + stage.replace('-', '_'), round(secs)));
    System.out.println(toJson(o));
    return 0;
  }

  /** {@code --incremental}: the query-then-add run, after the batch scan as its baseline. */
  private Integer incremental() {
    if (reference) {
      throw new IllegalArgumentException("--reference and --incremental do not go together");
    }
    Inputs read = Inputs.readOrReport(inputs, detectorOptions.maxCharacters);
    if (read == null || !reportProblems(read)) {
      return Main.EXIT_INPUT;
    }
    List<Document> documents = read.documents;
    // The baseline also warms the JIT for the timed run, as --reference does.
    long scanStart = System.nanoTime();
    ScanResult scanned;
    try (ProgressBar bar = ProgressBar.forStderr(detectorOptions.progress)) {
      scanned = detectorOptions.detector().scan(documents, bar);
    }
    double scanSeconds = (System.nanoTime() - scanStart) / 1e9;
    System.gc();
    resetPeaks();
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    ScanResult result;
    long heapAfterCollections;
    try (HeapAfterCollections heap = HeapAfterCollections.start();
        ProgressBar bar = ProgressBar.forStderr(detectorOptions.progress)) {
      result = IncrementalRun.of(detectorOptions.detector(), documents, bar);
      heapAfterCollections = heap.largestBytes();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    long bytes = 0;
    for (Document d : documents) {
      bytes += utf8Length(d.text());
    }
    int docs = documents.size();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("mode", "incremental: query then add, one document at a time, in input order");
    o.put("docs", docs);
    o.put("seconds", round(seconds));
    o.put("cpu_seconds", round(cpuSeconds));
    o.put("docs_per_second", round(docs / seconds));
    o.put("mb_per_second", round(bytes / 1e6 / seconds));
    o.put("megabytes", round(bytes / 1e6));
    o.put("milliseconds_per_document", round(seconds * 1e3 / docs)); // docs >= 1, checked above
    o.put("cross_language", !detectorOptions.noCrossLanguage);
    o.put("pairs", result.matches().size());
    o.put("scan_pairs", scanned.matches().size());
    o.put("scan_seconds", round(scanSeconds));
    o.put("ratio_to_scan", round(seconds / scanSeconds));
    o.put("peak_heap_bytes", peakHeap());
    o.put("heap_after_gc_bytes", heapAfterCollections);
    System.out.println(toJson(o));
    return 0;
  }

  /**
   * Prints the input problems on stderr, as {@code scan} does, and says so when no document could
   * be read. Returns whether there is anything to measure: a run over no documents would print
   * rates of nothing and exit 0, hiding an input that was wrong.
   */
  private boolean reportProblems(Inputs read) {
    read.printProblems(System.err, 20);
    if (read.documents.isEmpty()) {
      System.err.println("polydup: no readable documents in " + inputs + "; nothing measured");
      return false;
    }
    return true;
  }

  /**
   * CPU time of the whole process (every thread, the garbage collector's and the JIT's too): on a
   * machine shared with other work it moves far less than wall time, so runs compare on it.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static String toJson(Map<String, Object> o) {
    StringBuilder s = new StringBuilder("{");
    o.forEach(
        (k, v) -> {
          if (s.length() > 1) {
            s.append(", ");
          }
          s.append('"').append(k).append("\": ");
          s.append(v instanceof String ? '"' + ((String) v) + '"' : String.valueOf(v));
        });
    return s.append('}').toString();
  }
}
