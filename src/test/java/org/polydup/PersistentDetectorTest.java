package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentDetectorTest {
  @TempDir Path dir;

  /** Real documents: the syndication subset and the xling chats (both in testdata). */
  private static List<Document> documents() throws IOException {
    return RealDocuments.syndicationAndChats();
  }

  private static Polydup.Builder builder(boolean crossLanguage) {
    return Polydup.builder().crossLanguage(crossLanguage).threads(2);
  }

  @Test
  void reopened_answersAsTheDetectorThatWroteIt_acrossCommitsAndRemoves() throws IOException {
    List<Document> documents = documents();
    int half = documents.size() / 2;
    List<Document> archived = documents.subList(0, half);
    for (boolean crossLanguage : new boolean[] {false, true}) {
      Path folder = dir.resolve("archive-" + crossLanguage);
      Detector reference = builder(crossLanguage).build();
      try (PersistentDetector writing = builder(crossLanguage).open(folder)) {
        // Added over three sessions' worth of commits, with removals in between.
        int third = archived.size() / 3;
        writing.addAll(archived.subList(0, third));
        writing.commit();
        for (Document d : archived.subList(third, archived.size())) {
          writing.add(d);
        }
        for (int i = 0; i < half; i += 3) {
          assertTrue(writing.remove(archived.get(i).id()));
        }
      }
      reference.addAll(archived);
      for (int i = 0; i < half; i += 3) {
        reference.remove(archived.get(i).id());
      }
      try (PersistentDetector reopened = builder(crossLanguage).open(folder)) {
        assertEquals(reference.size(), reopened.size());
        int found = 0;
        for (Document d : documents.subList(half, documents.size())) {
          List<Match> expected = reference.query(d);
          assertEquals(expected, reopened.query(d), d.id());
          found += expected.size();
        }
        assertTrue(found > 20, "matches found: " + found);
        assertFalse(reopened.contains(archived.get(0).id()));
      }
    }
  }

  /**
   * A commit overlapping {@code addAll} makes the batch durable whole or not at all. Committed
   * while the batch's documents went into the archive one by one, it made a prefix of them durable
   * (a reviewer saw 1, 143, 260, ... of 1,500, and 921 after a rollback); a crash then left an
   * archive in a state the detector never showed.
   */
  @Test
  void aCommitDuringAddAll_makesTheBatchDurableWholeOrNotAtAll() throws Exception {
    List<Document> documents = documents();
    Set<Integer> seen = new java.util.concurrent.ConcurrentSkipListSet<>();
    int before;
    int after;
    try (PersistentDetector detector = builder(false).open(dir);
        org.apache.lucene.store.Directory folder = org.apache.lucene.store.FSDirectory.open(dir)) {
      detector.add(documents.get(0));
      detector.commit();
      before = committedDocuments(folder);
      java.util.concurrent.atomic.AtomicBoolean adding =
          new java.util.concurrent.atomic.AtomicBoolean(true);
      java.util.concurrent.atomic.AtomicReference<Throwable> failure =
          new java.util.concurrent.atomic.AtomicReference<>();
      Thread committer =
          new Thread(
              () -> {
                try {
                  while (adding.get()) {
                    detector.commit();
                    seen.add(committedDocuments(folder));
                  }
                } catch (Throwable e) {
                  failure.set(e);
                }
              });
      committer.start();
      for (int round = 0; round < 3; round++) {
        List<Document> batch = documents.subList(1 + round * 100, 1 + (round + 1) * 100);
        detector.addAll(batch);
      }
      adding.set(false);
      committer.join();
      assertEquals(null, failure.get());
      detector.commit();
      after = committedDocuments(folder);
    }
    assertTrue(after > before, before + " then " + after);
    // Three batches of 100: only the states between batches may be seen.
    int perBatch = (after - before) / 3;
    Set<Integer> allowed = Set.of(before, before + perBatch, before + 2 * perBatch, after);
    assertTrue(allowed.containsAll(seen), "committed counts " + seen + ", allowed " + allowed);
  }

  private static int committedDocuments(org.apache.lucene.store.Directory folder)
      throws IOException {
    try (org.apache.lucene.index.DirectoryReader reader =
        org.apache.lucene.index.DirectoryReader.open(folder)) {
      return reader.numDocs();
    }
  }

  @Test
  void commits_runBesideAddsAndQueries_andLoseNothing() throws Exception {
    List<Document> documents = documents().subList(0, 120);
    try (PersistentDetector detector = builder(false).open(dir)) {
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(3);
      try {
        java.util.concurrent.Future<?> adds =
            pool.submit(
                () -> {
                  for (Document d : documents) {
                    detector.queryAndAdd(d);
                  }
                });
        java.util.concurrent.Future<?> commits =
            pool.submit(
                () -> {
                  while (!adds.isDone()) {
                    detector.commit();
                  }
                  return null;
                });
        java.util.concurrent.Future<?> queries =
            pool.submit(
                () -> {
                  for (Document d : documents) {
                    detector.query(d);
                  }
                });
        adds.get();
        commits.get();
        queries.get();
      } finally {
        pool.shutdown();
      }
    }
    try (PersistentDetector reopened = builder(false).open(dir)) {
      assertEquals(documents.size(), reopened.size());
      for (Document d : documents) {
        assertEquals(d.text(), reopened.textOf(d.id()), d.id());
      }
    }
  }

  @Test
  void aCrash_keepsWhatWasCommitted_andLosesTheRest() throws IOException {
    PersistentDetector first = builder(false).open(dir);
    first.add(Document.of("kept", "The mayor opened the new bridge over the river on Monday."));
    first.commit();
    first.add(Document.of("lost", "The council will vote on the budget next week, it said."));
    first.remove("kept");
    first.rollback();

    try (PersistentDetector reopened = builder(false).open(dir)) {
      assertTrue(reopened.contains("kept"));
      assertFalse(reopened.contains("lost"));
      assertEquals(1, reopened.size());
    }
  }

  @Test
  void idsComeBackExactly_evenLoneSurrogates_andTooLongOnesAreRefusedBeforeAnythingIsStored()
      throws IOException {
    String story = "The mayor opened the new bridge over the river on Monday, officials said.";
    String tooLong = "x".repeat(PersistentDetector.MAXIMUM_ID_LENGTH + 1);
    try (PersistentDetector detector = builder(false).open(dir)) {
      // Two ids that UTF-8 would turn into one ("x\uFFFD").
      detector.add(Document.of("x\ud800", story));
      detector.add(Document.of("x\ud801", story + " Again."));
      List<Document> batch =
          List.of(Document.of("fine", story + " Later."), Document.of(tooLong, story));
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> detector.addAll(batch));
      assertTrue(refused.getMessage().contains("at most 16383"), refused::getMessage);
      assertFalse(detector.contains("fine"), "all or none");
      assertTrue(detector.remove("x\ud801"));
    }
    try (PersistentDetector reopened = builder(false).open(dir)) {
      assertTrue(reopened.contains("x\ud800"));
      assertFalse(reopened.contains("x\ud801"));
      assertFalse(reopened.contains("fine"));
      assertEquals(1, reopened.size());
    }
  }

  @Test
  void textsComeBackExactly_evenLoneSurrogates() throws IOException {
    String odd = "Emoji 🙂, a lone \ud83d surrogate, a NUL \u0000 and Ünïcödé, in a story.";
    String long70k = "Долгий текст о погоде. ".repeat(3_000);
    try (PersistentDetector detector = builder(true).open(dir)) {
      detector.addAll(List.of(Document.of("odd", odd), Document.of("long", long70k)));
    }
    try (PersistentDetector reopened = builder(true).open(dir)) {
      assertEquals(odd, reopened.textOf("odd"));
      assertEquals(long70k, reopened.textOf("long"));
    }
  }

  @Test
  void closedOrRolledBack_refusesChanges_andClosesOnce() throws IOException {
    Document story = Document.of("a", "The first story, told once, with enough words to shingle.");
    for (boolean rollBack : new boolean[] {false, true}) {
      Path folder = dir.resolve("lifecycle-" + rollBack);
      PersistentDetector detector = builder(false).open(folder);
      detector.add(story);
      detector.commit();
      if (rollBack) {
        detector.rollback();
      }
      detector.close();
      detector.close(); // a second close does nothing

      Document other = Document.of("b", "Another story, added after the folder was released.");
      assertThrows(IllegalStateException.class, () -> detector.add(other));
      assertThrows(IllegalStateException.class, () -> detector.queryAndAdd(other));
      assertThrows(IllegalStateException.class, () -> detector.remove("a"));
      assertThrows(IllegalStateException.class, detector::commit);
      assertTrue(detector.contains("a"), "queries still answer from memory");
      try (PersistentDetector reopened = builder(false).open(folder)) {
        assertTrue(reopened.contains("a"));
        assertFalse(reopened.contains("b"));
      }
    }
  }

  @Test
  void openFailingWithAnError_releasesTheFolder() throws IOException {
    try (PersistentDetector writing = builder(false).open(dir)) {
      writing.add(Document.of("a", "The first story, told once, with enough words to shingle."));
    }
    assertThrows(
        AssertionError.class,
        () ->
            builder(false)
                .open(
                    dir,
                    (stage, done, total) -> {
                      throw new AssertionError("progress failed");
                    }));
    try (PersistentDetector reopened = builder(false).open(dir)) {
      assertTrue(reopened.contains("a"));
    }
  }

  @Test
  void isRefused_withOtherSettings_whileOpen_andForAFolderThatIsNoArchive() throws IOException {
    try (PersistentDetector detector = builder(false).open(dir)) {
      detector.add(Document.of("a", "The first story, told once, with enough words to shingle."));
      IOException open = assertThrows(IOException.class, () -> builder(false).open(dir));
      assertTrue(open.getMessage().contains("is open already"), open::getMessage);
    }
    IncompatibleDataException otherSetting =
        assertThrows(IncompatibleDataException.class, () -> builder(true).open(dir));
    assertTrue(otherSetting.getMessage().contains("crossLanguage=false"), otherSetting::getMessage);
    assertThrows(
        IncompatibleDataException.class,
        () -> Polydup.builder().crossLanguage(false).seed(7).open(dir));
    // The refused opens left the archive as it was.
    try (PersistentDetector again = builder(false).open(dir)) {
      assertEquals(1, again.size());
    }

    Path notAnArchive = Files.createDirectories(dir.resolve("photos"));
    Files.writeString(notAnArchive.resolve("holiday.txt"), "not an index");
    IncompatibleDataException foreign =
        assertThrows(IncompatibleDataException.class, () -> builder(false).open(notAnArchive));
    assertTrue(foreign.getMessage().contains("holds no polydup archive"), foreign::getMessage);
    assertEquals(List.of("holiday.txt"), listNames(notAnArchive));
  }

  /**
   * A flipped bit anywhere in the archive's files either leaves every text as stored or is refused
   * as incompatible data: never a silently different text, never an exception from inside Lucene's
   * codecs. Every 97th byte of every file is flipped in turn (a stride that lands in headers, the
   * compressed stored fields and the checksummed footers alike).
   */
  @Test
  void aDamagedFolder_isRefused_orLoadsTheTextsAsStored() throws IOException {
    Path original = dir.resolve("original");
    Map<String, String> texts = new HashMap<>();
    try (PersistentDetector detector = builder(false).open(original)) {
      for (Document d : documents().subList(0, 12)) {
        detector.add(d);
        texts.put(d.id(), d.text());
      }
    }
    int refused = 0;
    int trials = 0;
    for (String name : listNames(original)) {
      if (name.equals("write.lock")) {
        continue;
      }
      long size = Files.size(original.resolve(name));
      for (long offset = 0; offset < size; offset += 97) {
        Path damaged = copyOf(original, dir.resolve("damaged"));
        Path victim = damaged.resolve(name);
        byte[] bytes = Files.readAllBytes(victim);
        bytes[(int) offset] ^= 0x10;
        Files.write(victim, bytes);
        trials++;
        String where = name + " damaged at byte " + offset;
        try (PersistentDetector reopened = builder(false).open(damaged)) {
          for (Map.Entry<String, String> e : texts.entrySet()) {
            assertEquals(
                e.getValue(),
                reopened.textOf(e.getKey()),
                () -> where + " loaded another text for " + e.getKey());
          }
        } catch (IncompatibleDataException expected) {
          refused++;
        }
      }
    }
    // Every byte of the archive's Lucene files (segments_N, and the segment's .si, .cfe and .cfs;
    // write.lock is skipped) lies before a CodecUtil footer holding the CRC32 of the file, or in
    // that footer: segments_N, .si and .cfe are checked when opened, the .cfs by read()'s
    // checkIntegrity. A CRC32 detects every single-bit error, and a flip in a footer breaks its
    // magic or its checksum, so every damaged copy is refused (241 of 241 when written); one that
    // loads means a byte escaped the checksums.
    assertEquals(trials, refused, refused + " of " + trials + " damaged copies refused");
  }

  private static Path copyOf(Path from, Path to) throws IOException {
    if (Files.exists(to)) {
      for (String name : listNames(to)) {
        Files.delete(to.resolve(name));
      }
    }
    Files.createDirectories(to);
    for (String name : listNames(from)) {
      Files.copy(from.resolve(name), to.resolve(name));
    }
    return to;
  }

  private static List<String> listNames(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
