package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compaction of removed slots ({@link Compaction#MINIMUM_REMOVED}) rebuilds the indexes with no
 * lock held: these tests hold a rebuild before its swap ({@link
 * DefaultDetector#beforeCompactionSwap}), use the detector from other threads meanwhile, and then
 * compare every answer with a fresh detector given the surviving documents in add order.
 */
class CompactionTest {
  @TempDir Path dir;

  private static Polydup.Builder builder(boolean crossLanguage) {
    return Polydup.builder().crossLanguage(crossLanguage).threads(2);
  }

  /**
   * A detector's documents and what the test expects of it: short filler notes, enough that
   * removing them starts a compaction, then the real documents renamed {@code ID#live}; and the
   * live ones in add order, kept up to date by the writes the test makes.
   */
  private static final class Churn {
    final List<Document> documents;
    final Map<String, Document> live = new LinkedHashMap<>();
    final List<Document> fillers = new ArrayList<>();
    final List<Document> real;

    /** The number of removes of fillers that starts a compaction. */
    final int triggeringRemoves;

    Churn(Detector detector) throws IOException {
      documents = RealDocuments.syndicationAndChats();
      // Cheap to analyse, unlike the real documents: the test needs over a thousand removes.
      for (int i = 0; i < Compaction.MINIMUM_REMOVED + 100; i++) {
        fillers.add(
            new Document(
                "filler" + i,
                "Filler note " + i + ": the council of town " + i + " met and adjourned.",
                "en"));
      }
      real = renamed(documents, "#live");
      add(detector, fillers);
      add(detector, real);
      int total = fillers.size() + real.size();
      int removes = Compaction.MINIMUM_REMOVED;
      while (removes <= total - removes) {
        removes++;
      }
      assertTrue(removes < fillers.size(), "too few documents to compact: " + total);
      triggeringRemoves = removes;
    }

    void add(Detector detector, List<Document> added) {
      detector.addAll(added);
      for (Document d : added) {
        live.put(d.id(), d);
      }
    }

    void add(Detector detector, Document added) {
      detector.add(added);
      live.put(added.id(), added);
    }

    /** Forgets the document before removing it, so that it is gone once a compaction holds. */
    void remove(Detector detector, String id) {
      live.remove(id);
      assertTrue(detector.remove(id), id);
    }

    /** Removes fillers up to the one whose remove starts the compaction. */
    void removeUpToTheCompaction(Detector detector) {
      for (Document d : fillers.subList(0, triggeringRemoves)) {
        remove(detector, d.id());
      }
    }

    /** A detector given only the live documents, in add order. */
    Detector fresh(boolean crossLanguage) {
      Detector fresh = builder(crossLanguage).build();
      fresh.addAll(new ArrayList<>(live.values()));
      return fresh;
    }

    /**
     * Probes: every document under a new id, every third live one by its own id and the ten added
     * last (where the writes during a rebuild went) by theirs; of these, every {@code step}th.
     */
    List<Document> probes(int step) {
      List<Document> probes = new ArrayList<>(renamed(documents, "#probe"));
      int i = 0;
      for (Document d : live.values()) {
        if (i % 3 == 0 || i >= live.size() - 10) {
          probes.add(d);
        }
        i++;
      }
      List<Document> every = new ArrayList<>();
      for (int p = 0; p < probes.size(); p += step) {
        every.add(probes.get(p));
      }
      return every;
    }
  }

  /** Holds a detector's compactions before their swap until {@link #release}d. */
  private static final class Hold {
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);

    Hold(DefaultDetector detector) {
      detector.beforeCompactionSwap(
          () -> {
            held.countDown();
            try {
              // Bounded, so that a test whose other threads wrongly wait cannot hang the build.
              released.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }

    void awaitHeld() throws InterruptedException {
      assertTrue(held.await(2, TimeUnit.MINUTES), "no compaction started");
    }

    void release() {
      released.countDown();
    }
  }

  private static List<Document> renamed(List<Document> documents, String suffix) {
    List<Document> renamed = new ArrayList<>();
    for (Document d : documents) {
      renamed.add(new Document(d.id() + suffix, d.text(), d.languageHint()));
    }
    return renamed;
  }

  /** Every probe answered as {@code expected} answers it, and every id known as it knows it. */
  private static void assertAnswersAs(
      Detector expected, Detector actual, Churn churn, boolean crossLanguage) {
    assertAnswersAs(expected, actual, churn, crossLanguage, 1);
  }

  /**
   * {@link #assertAnswersAs(Detector, Detector, Churn, boolean)} with every {@code step}th probe.
   */
  private static void assertAnswersAs(
      Detector expected, Detector actual, Churn churn, boolean crossLanguage, int step) {
    assertEquals(expected.size(), actual.size());
    int matches = 0;
    for (Document probe : churn.probes(step)) {
      List<Match> want = expected.query(probe);
      assertEquals(want, actual.query(probe), probe.id() + ", cross-language " + crossLanguage);
      matches += want.size();
    }
    assertTrue(matches > churn.documents.size() / step, "matches: " + matches);
    for (Document d : churn.live.values()) {
      assertEquals(d.text(), actual.textOf(d.id()), d.id());
    }
  }

  @Test
  void queriesAddsAndRemoves_ofOtherThreads_finishWhileACompactionIsRebuilding() throws Exception {
    DefaultDetector detector = (DefaultDetector) builder(false).build();
    Churn churn = new Churn(detector);
    int slots = churn.fillers.size() + churn.real.size();
    Hold hold = new Hold(detector);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> compactor = pool.submit(() -> churn.removeUpToTheCompaction(detector));
      hold.awaitHeld();
      // What the detector holds while the rebuild is held: answered from the old indexes.
      Detector before = churn.fresh(false);
      Document probe = churn.documents.get(0);
      Future<List<Match>> query = pool.submit(() -> detector.query(probe));
      assertEquals(before.query(probe), query.get(1, TimeUnit.MINUTES));
      Document late = new Document("late", probe.text() + "\nAn update.", probe.languageHint());
      pool.submit(() -> churn.add(detector, late)).get(1, TimeUnit.MINUTES);
      String removed = churn.real.get(1).id();
      pool.submit(() -> churn.remove(detector, removed)).get(1, TimeUnit.MINUTES);
      assertFalse(compactor.isDone(), "the compaction was not held");
      assertEquals(slots + 1, detector.slotCount(), "slots before the swap");

      hold.release();
      compactor.get(2, TimeUnit.MINUTES);
    } finally {
      hold.release();
      pool.shutdownNow();
    }
    // Compacted: the documents live when it started, then the one added meanwhile.
    assertEquals(slots - churn.triggeringRemoves + 1, detector.slotCount());
    assertAnswersAs(churn.fresh(false), detector, churn, false);
  }

  /**
   * While a rebuild is held, another thread adds documents, removes some the rebuild copied and
   * some added meanwhile, adds a removed id again with another text, and adds and removes one:
   * after the swap, and after later writes, every answer is a fresh detector's given the survivors.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void writesDuringARebuild_areReplayed_soAnswersAreAFreshDetectors(boolean crossLanguage)
      throws Exception {
    DefaultDetector detector = (DefaultDetector) builder(crossLanguage).build();
    Churn churn = new Churn(detector);
    int copied = churn.fillers.size() + churn.real.size() - churn.triggeringRemoves;
    Hold hold = new Hold(detector);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    // Added during the rebuild and live at the swap: these alone take new slots.
    int keptAdds = 0;
    try {
      Future<?> compactor = pool.submit(() -> churn.removeUpToTheCompaction(detector));
      hold.awaitHeld();

      List<Document> added = renamed(churn.documents.subList(0, 60), "#new");
      churn.add(detector, added.subList(0, 30));
      for (Document d : added.subList(30, 60)) {
        detector.queryAndAdd(d);
        churn.live.put(d.id(), d);
      }
      keptAdds += added.size();
      // Copied documents removed: the other fillers, and every fifth real document.
      for (Document d : churn.fillers.subList(churn.triggeringRemoves, churn.fillers.size())) {
        churn.remove(detector, d.id());
      }
      for (int i = 0; i < churn.real.size(); i += 5) {
        churn.remove(detector, churn.real.get(i).id());
      }
      // Documents added meanwhile removed.
      for (int i = 0; i < added.size(); i += 3) {
        churn.remove(detector, added.get(i).id());
        keptAdds--;
      }
      // A copied id and an id added meanwhile, removed and added again; the first with the text of
      // another story, so a stale slot would show in its text and its matches.
      Document other = churn.documents.get(7);
      churn.add(detector, new Document(churn.real.get(0).id(), other.text(), other.languageHint()));
      churn.add(detector, added.get(0));
      Document passing = new Document("passing", other.text(), other.languageHint());
      churn.add(detector, passing);
      churn.remove(detector, passing.id());
      keptAdds += 2;
      assertFalse(compactor.isDone(), "the compaction was not held");

      hold.release();
      compactor.get(5, TimeUnit.MINUTES);
    } finally {
      hold.release();
      pool.shutdownNow();
    }
    assertEquals(copied + keptAdds, detector.slotCount(), "slots after the swap");
    assertFalse(detector.contains("passing"));
    assertNull(detector.textOf("passing"));
    // Every other probe with alignment, whose queries cost 20 ms each.
    assertAnswersAs(
        churn.fresh(crossLanguage), detector, churn, crossLanguage, crossLanguage ? 2 : 1);

    // The new slots stay consistent for the writes after the swap.
    churn.remove(detector, churn.real.get(1).id());
    churn.remove(detector, churn.documents.get(1).id() + "#new");
    churn.add(detector, Document.of("after", churn.documents.get(2).text()));
    assertAnswersAs(churn.fresh(crossLanguage), detector, churn, crossLanguage, 4);
  }

  /**
   * A persistent detector written to and saved while a rebuild is held, and closed before the swap:
   * the archive and the saved file hold the survivors, the detector answers as a fresh one given
   * them and, closed, refuses writes.
   */
  @Test
  void archiveAndSave_duringARebuild_holdTheSurvivors_andCloseDetachesAcrossTheSwap()
      throws Exception {
    DefaultDetector detector = (DefaultDetector) builder(false).build();
    Path folder = dir.resolve("archive");
    Path saved = dir.resolve("saved.polydup");
    PersistentDetector persistent =
        PersistentDetector.open(detector, detector.configuration(), folder, ScanProgress.NONE);
    Churn churn = new Churn(persistent);
    Hold hold = new Hold(detector);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> compactor = pool.submit(() -> churn.removeUpToTheCompaction(persistent));
      hold.awaitHeld();
      churn.add(persistent, renamed(churn.documents.subList(0, 20), "#new"));
      for (Document d : churn.fillers.subList(churn.triggeringRemoves, churn.fillers.size())) {
        churn.remove(persistent, d.id());
      }
      churn.remove(persistent, churn.real.get(3).id());
      churn.remove(persistent, churn.documents.get(4).id() + "#new");
      churn.add(persistent, churn.real.get(3));
      persistent.save(saved);
      persistent.close();
      assertFalse(compactor.isDone(), "the compaction was not held");

      hold.release();
      compactor.get(2, TimeUnit.MINUTES);
    } finally {
      hold.release();
      pool.shutdownNow();
      persistent.close();
    }
    Detector fresh = churn.fresh(false);
    assertAnswersAs(fresh, detector, churn, false);
    assertThrows(IllegalStateException.class, () -> persistent.remove(churn.real.get(5).id()));
    assertThrows(IllegalStateException.class, () -> persistent.add(Document.of("late", "late")));

    DefaultDetector loaded = (DefaultDetector) builder(false).build();
    loaded.load(saved);
    assertAnswersAs(fresh, loaded, churn, false);
    try (PersistentDetector reopened = builder(false).open(folder)) {
      assertAnswersAs(fresh, reopened, churn, false);
    }
  }
}
