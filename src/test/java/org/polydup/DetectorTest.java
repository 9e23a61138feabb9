package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.polydup.align.CrossLanguageMatcher;
import org.polydup.align.XlingChats;
import org.polydup.eval.SyndicationEvaluation;

class DetectorTest {

  private static String seed(String name) throws IOException {
    return Files.readString(Path.of("testdata/seeds", name + ".txt"), StandardCharsets.UTF_8);
  }

  private static Detector sameLanguage() {
    return Polydup.builder().crossLanguage(false).threads(2).build();
  }

  /** The one match of scanning {@code a} and {@code b}, or {@code null} when there is none. */
  private static Match onlyMatch(Detector detector, String a, String b) {
    List<Match> matches =
        detector.scan(List.of(Document.of("a", a), Document.of("b", b))).matches();
    assertTrue(matches.size() <= 1, matches.toString());
    return matches.isEmpty() ? null : matches.get(0);
  }

  /**
   * A headline and its copy with a full stop are one 3-token shingle each: too short for any
   * passage rule of the verifier, so only the shingle Jaccard (1.0 here) against the threshold
   * reports them.
   */
  @Test
  void scan_reportsDuplicate_whenAShortTextIsCopiedExactly() {
    Match match = onlyMatch(sameLanguage(), "Council approves budget", "Council approves budget.");
    assertNotNull(match, "an exact copy of a headline is a duplicate");
    assertEquals(Relation.DUPLICATE, match.relation(), match.toString());
    assertEquals(0.0, match.scores().coverageA(), "no shared passage decides it");
  }

  /**
   * Two headlines differing in their last word: shingle Jaccard 0.6 and no shared passage (coverage
   * 0), so the threshold alone decides. Above a threshold of 0.5 they are duplicates; below the
   * default 0.8 they are nothing.
   */
  @Test
  void scan_reportsDuplicate_byShingleJaccard_whenItReachesALowerThreshold() {
    String a = "Council approves new budget for schools";
    String b = "Council approves new budget for roads";
    Match match = onlyMatch(Polydup.builder().crossLanguage(false).threshold(0.5).build(), a, b);
    assertNotNull(match, "Jaccard 0.6 reaches the threshold 0.5");
    assertEquals(Relation.DUPLICATE, match.relation(), match.toString());
    assertEquals(0.6, match.scores().jaccard(), 1e-9);
    assertEquals(0.0, match.scores().coverageA(), "no shared passage decides it");
    assertEquals(0.0, match.scores().coverageB(), "no shared passage decides it");
    assertNull(onlyMatch(sameLanguage(), a, b), "Jaccard 0.6 is below the default threshold 0.8");
  }

  /**
   * Seeds 001 and 004 (testdata/seeds/README.md): one event, the I-Soon leak, written by two
   * outlets independently. That is {@code related}, no copy: reported only when asked for, and
   * never an edge of a story cluster, so two stories on one event stay two clusters.
   */
  @Test
  void scan_reportsRelatedOnlyWhenAsked_andNeverClustersIt() throws IOException {
    List<Document> documents =
        List.of(
            Document.of("001", seed("001_0e17fbea12fc6044")),
            Document.of("004", seed("004_adea4495f1fc6c7e")));
    ScanResult withRelated = Polydup.builder().includeRelated(true).build().scan(documents);
    assertEquals(1, withRelated.matches().size(), withRelated.matches().toString());
    Match related = withRelated.matches().get(0);
    assertEquals(Relation.RELATED, related.relation(), related.toString());
    assertEquals(Set.of("001", "004"), Set.of(related.a(), related.b()));
    for (StoryCluster cluster : withRelated.clusters()) {
      assertFalse(
          cluster.members().containsAll(Set.of("001", "004")),
          "a related pair merges no clusters: " + withRelated.clusters());
    }
    ScanResult without = Polydup.builder().build().scan(documents);
    assertEquals(List.of(), without.matches(), "related is reported only with includeRelated");
  }

  @Test
  void build_rejectsBadParameters_withTheirNameAndValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Polydup.builder().threshold(1.5));
    assertEquals("threshold must be in (0, 1], got 1.5", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Polydup.builder().threads(0));
    assertThrows(IllegalArgumentException.class, () -> Polydup.builder().numberOfPermutations(8));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void scan_givesEachPairTheSameVerdict_inReversedInputOrder(boolean crossLanguage) {
    List<Document> documents =
        SyndicationEvaluation.load(Path.of("testdata/syndication")).documents();
    List<Document> reversed = new java.util.ArrayList<>(documents);
    java.util.Collections.reverse(reversed);
    Detector detector = Polydup.builder().crossLanguage(crossLanguage).build();

    java.util.Map<Set<String>, String> forward = verdicts(detector.scan(documents));
    java.util.Map<Set<String>, String> backward = verdicts(detector.scan(reversed));

    assertTrue(forward.size() > 100, "pairs: " + forward.size());
    assertEquals(forward, backward);
  }

  /** Each pair's relation and container, whichever document came first. */
  private static java.util.Map<Set<String>, String> verdicts(ScanResult result) {
    java.util.Map<Set<String>, String> verdicts = new java.util.HashMap<>();
    for (Match m : result.matches()) {
      verdicts.put(Set.of(m.a(), m.b()), m.relation() + " " + m.container());
    }
    return verdicts;
  }

  @Test
  void scan_withAlignment_keepsEveryPair_besideOddDocuments() throws IOException {
    // Each of these once threw from entity extraction, which lost the whole batch.
    List<Document> documents =
        List.of(
            Document.of("page", seed("000_1ef89ecac97abb9a")),
            Document.of(
                "numbers",
                "Winning numbers: 101 202 303 404 505 606 707 808 909 111 222 333 444 555."),
            Document.of("dots", "a.".repeat(5_000)),
            Document.of("story", seed("001_0e17fbea12fc6044")));

    ScanResult result = Polydup.builder().threads(2).build().scan(documents);

    assertEquals(4, result.documents());
    assertTrue(result.problems().isEmpty(), result.problems()::toString);
    assertTrue(
        result.matches().stream()
            .anyMatch(m -> m.relation() == Relation.CONTAINED && "page".equals(m.container())),
        result.matches()::toString);
  }

  @Test
  void query_returnsContainedStory_whenPageHasFurniture() throws IOException {
    Detector detector = sameLanguage();
    detector.add(Document.of("page", seed("000_1ef89ecac97abb9a")));
    List<Match> found = detector.query(Document.of("story", seed("001_0e17fbea12fc6044")));
    assertEquals(1, found.size(), "" + found);
    Match m = found.get(0);
    assertEquals("story", m.a());
    assertEquals(Relation.CONTAINED, m.relation());
    assertEquals("page", m.container());
    assertFalse(m.passages().isEmpty());
  }

  @Test
  void query_findsNothing_forIndependentCoverage() throws IOException {
    Detector detector = sameLanguage();
    detector.add(Document.of("story", seed("001_0e17fbea12fc6044")));
    assertEquals(List.of(), detector.query(Document.of("other", seed("004_adea4495f1fc6c7e"))));
  }

  @Test
  void addAndRemove_keepTheIndexConsistent() throws IOException {
    Detector detector = sameLanguage();
    detector.add(Document.of("page", seed("000_1ef89ecac97abb9a")));
    assertThrows(
        IllegalArgumentException.class,
        () -> detector.add(Document.of("page", "another text with the same id")));
    assertEquals(1, detector.size());
    assertTrue(detector.remove("page"));
    assertFalse(detector.remove("page"));
    assertEquals(0, detector.size());
    assertEquals(List.of(), detector.query(Document.of("story", seed("001_0e17fbea12fc6044"))));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void scan_isDeterministic_acrossRunsAndThreadCounts(boolean crossLanguage) {
    SyndicationEvaluation set = SyndicationEvaluation.load(Path.of("testdata/syndication"));
    ScanResult one =
        Polydup.builder().crossLanguage(crossLanguage).threads(1).build().scan(set.documents());
    ScanResult two =
        Polydup.builder().crossLanguage(crossLanguage).threads(2).build().scan(set.documents());
    ScanResult again =
        Polydup.builder().crossLanguage(crossLanguage).threads(2).build().scan(set.documents());
    assertFalse(one.matches().isEmpty());
    assertEquals(one.matches(), two.matches());
    assertEquals(one.clusters(), two.clusters());
    assertEquals(two.matches(), again.matches());
  }

  @Test
  void scanOfIterator_equalsScanOfList_onAnyNumberOfThreads() {
    SyndicationEvaluation set = SyndicationEvaluation.load(Path.of("testdata/syndication"));
    List<Document> documents = new ArrayList<>(set.documents());
    // A text the analysis accepts at any position, and blocks of the stream left part-full.
    documents.add(37, Document.of("tiny", "Hello"));
    ScanResult listed = Polydup.builder().crossLanguage(false).threads(2).build().scan(documents);
    for (int threads = 1; threads <= 2; threads++) {
      ScanResult streamed =
          Polydup.builder()
              .crossLanguage(false)
              .threads(threads)
              .build()
              .scan(documents.iterator(), ScanProgress.NONE);
      assertEquals(listed.documents(), streamed.documents());
      assertEquals(listed.matches(), streamed.matches());
      assertEquals(listed.clusters(), streamed.clusters());
      assertEquals(listed.problems(), streamed.problems());
      assertEquals(listed.statistics().characters(), streamed.statistics().characters());
    }
    assertTrue(documents.size() > 64, "the stream must span several blocks");
  }

  @Test
  void scanOfIterator_rejectsDuplicateIds() {
    Iterator<Document> docs =
        List.of(Document.of("x", "one text"), Document.of("x", "another")).iterator();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> sameLanguage().scan(docs, ScanProgress.NONE));
    assertEquals("duplicate document id: x", e.getMessage());
  }

  @Test
  void scan_rejectsDuplicateIds() {
    Detector detector = sameLanguage();
    List<Document> docs = List.of(Document.of("x", "one text"), Document.of("x", "another"));
    assertThrows(IllegalArgumentException.class, () -> detector.scan(docs));
  }

  @Test
  void scan_handlesEmptyAndTinyDocuments() {
    ScanResult r =
        sameLanguage()
            .scan(
                List.of(
                    Document.of("empty", ""),
                    Document.of("space", "   \n\t "),
                    Document.of("word", "Hello"),
                    Document.of("word2", "Hello")));
    assertEquals(4, r.documents());
    assertTrue(r.problems().isEmpty());
  }

  @Test
  void concurrentAddsAndQueries_loseNothing() throws Exception {
    concurrentAddsAndQueries(false);
  }

  @Test
  void concurrentAddsAndQueries_loseNothing_withAlignment() throws Exception {
    concurrentAddsAndQueries(true);
  }

  private static void concurrentAddsAndQueries(boolean alignment) throws Exception {
    SyndicationEvaluation set = SyndicationEvaluation.load(Path.of("testdata/syndication"));
    List<Document> docs = set.documents();
    Detector detector = alignment ? withAlignment() : sameLanguage();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = offset; i < docs.size(); i += 4) {
                    detector.add(docs.get(i));
                    detector.query(docs.get((i * 7) % docs.size()));
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(docs.size(), detector.size());
    // After all adds, a document finds the copy the batch scan found first.
    ScanResult batch = (alignment ? withAlignment() : sameLanguage()).scan(docs);
    Match first = batch.matches().get(0);
    Document a = docs.stream().filter(d -> d.id().equals(first.a())).findFirst().orElseThrow();
    assertTrue(
        detector.query(a).stream().anyMatch(m -> m.b().equals(first.b())),
        "incremental query finds what the batch scan found: " + first);
  }

  /**
   * Stories and their reposts checked in from two threads at once with {@code queryAndAdd}: every
   * story-repost pair is reported exactly once, by whichever of the two came second, however the
   * threads interleave (with a separate query and add, two copies arriving together could each miss
   * the other).
   */
  @Test
  void concurrentQueryAndAdd_findsEveryCopyPairExactlyOnce() throws Exception {
    List<Document> stories =
        SyndicationEvaluation.load(Path.of("testdata/syndication")).documents().stream()
            .filter(d -> d.text().length() >= 600)
            .limit(60)
            .toList();
    List<Document> arriving = new ArrayList<>();
    for (Document story : stories) {
      arriving.add(story);
      arriving.add(
          Document.of(
              story.id() + "-repost",
              "Home | News | Sport\n" + story.text() + "\nRead also: weather tomorrow"));
    }
    // Two threads, one taking the stories and one the reposts, meeting at a barrier before each
    // pair: a story and its repost are checked in at the same moment.
    Detector detector = sameLanguage();
    Map<String, Integer> reported = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int side = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = side; i < arriving.size(); i += 2) {
                    together.await(1, TimeUnit.MINUTES);
                    for (Match m : detector.queryAndAdd(arriving.get(i))) {
                      reported.merge(unordered(m.a(), m.b()), 1, Integer::sum);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(arriving.size(), detector.size());
    for (Document story : stories) {
      String pair = unordered(story.id(), story.id() + "-repost");
      assertEquals(1, reported.getOrDefault(pair, 0), pair);
    }
  }

  /**
   * Two threads slide windows over rounds of stories (each adds a round, then removes its previous
   * one) while two others query, past several rebuilds of the indexes: nothing throws, no id is
   * lost or kept, and the detector then answers as one given only the live stories.
   */
  @Test
  void concurrentRemoves_acrossRebuilds_answerAsAFreshDetector() throws Exception {
    List<Document> documents =
        SyndicationEvaluation.load(Path.of("testdata/syndication")).documents();
    int rounds = 3 * Compaction.MINIMUM_REMOVED / documents.size() + 2;
    DefaultDetector detector = (DefaultDetector) sameLanguage();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    java.util.concurrent.atomic.AtomicBoolean sliding =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    List<List<Document>> last = new java.util.concurrent.CopyOnWriteArrayList<>();
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int side = t;
        writers.add(
            pool.submit(
                () -> {
                  List<Document> previous = List.of();
                  for (int round = 0; round < rounds; round++) {
                    List<Document> current = renamed(documents, "#" + side + "." + round);
                    for (Document d : current) {
                      detector.queryAndAdd(d);
                    }
                    for (Document d : previous) {
                      assertTrue(detector.remove(d.id()), d.id());
                    }
                    previous = current;
                  }
                  last.add(previous);
                  return null;
                }));
      }
      List<Future<?>> readers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int offset = t;
        readers.add(
            pool.submit(
                () -> {
                  for (int i = offset; sliding.get(); i += 2) {
                    detector.query(documents.get(i % documents.size()));
                  }
                  return null;
                }));
      }
      for (Future<?> f : writers) {
        f.get(5, TimeUnit.MINUTES);
      }
      sliding.set(false);
      for (Future<?> f : readers) {
        f.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Document> live = new ArrayList<>();
    last.forEach(live::addAll);
    assertEquals(live.size(), detector.size());
    assertTrue(
        detector.slotCount() <= 2 * live.size() + 2 * documents.size(),
        "slots " + detector.slotCount());
    for (Document d : live) {
      assertTrue(detector.contains(d.id()), d.id());
    }
    // The order the two threads' stories were added in differs between runs, and of the two live
    // copies of a story a query is paired with the earlier: so pairs are compared by story, the
    // copy's suffix left out, against a fresh detector given the live stories in some order.
    Detector fresh = sameLanguage();
    fresh.addAll(live);
    for (Document probe : renamed(documents, "#probe")) {
      assertEquals(storyPairs(fresh.query(probe)), storyPairs(detector.query(probe)), probe.id());
    }
  }

  /** The pairs as {@link #pairOf} gives them, each id without its {@code #} suffix, sorted. */
  private static List<String> storyPairs(List<Match> matches) {
    return matches.stream().map(m -> pairOf(m).replaceAll("#\\S*", "")).sorted().toList();
  }

  private static String unordered(String a, String b) {
    return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
  }

  private static Detector withAlignment() {
    return Polydup.builder().crossLanguage(true).threads(2).build();
  }

  @Test
  void query_findsTheTranslation_whenCrossLanguageIsOn() throws IOException {
    // Seed 001 is the English translation of the Ukrainian 002 (expected.tsv); 004 reports the
    // same event independently, in English, and must not be flagged.
    Detector detector = withAlignment();
    detector.add(Document.of("uk-original", seed("002_da7ef6208064fff2")));
    detector.add(Document.of("independent", seed("004_adea4495f1fc6c7e")));
    List<Match> found = detector.query(Document.of("en-translation", seed("001_0e17fbea12fc6044")));
    assertEquals(1, found.size(), "" + found);
    Match m = found.get(0);
    assertEquals("en-translation", m.a());
    assertEquals("uk-original", m.b());
    assertEquals(Relation.TRANSLATION, m.relation());
    assertEquals("en", m.languageA());
    assertEquals("uk", m.languageB());
    assertFalse(m.entities().isEmpty(), "aligned entities as evidence");
    for (EntityLink link : m.entities()) {
      assertTrue(link.aStart() < link.aEnd() && link.bStart() < link.bEnd(), "" + link);
    }
  }

  @Test
  void query_leavesTranslationsAlone_whenCrossLanguageIsOff() throws IOException {
    Detector detector = sameLanguage();
    detector.add(Document.of("uk-original", seed("002_da7ef6208064fff2")));
    assertEquals(
        List.of(), detector.query(Document.of("en-translation", seed("001_0e17fbea12fc6044"))));
  }

  @Test
  void query_agreesWithTheScan_onTheSeeds() throws IOException {
    // Every seed queried against the others: the pairs a scan reports, and no pair of 004.
    List<Document> seeds = new ArrayList<>();
    for (String name :
        List.of(
            "000_1ef89ecac97abb9a",
            "001_0e17fbea12fc6044",
            "002_da7ef6208064fff2",
            "003_9d1f904c1f5aad34",
            "004_adea4495f1fc6c7e")) {
      seeds.add(Document.of(name, seed(name)));
    }
    Detector detector = withAlignment();
    seeds.forEach(detector::add);
    java.util.Set<String> queried = new java.util.TreeSet<>();
    for (Document d : seeds) {
      for (Match m : detector.query(d)) {
        queried.add(pairOf(m));
      }
    }
    java.util.Set<String> scanned = new java.util.TreeSet<>();
    for (Match m : withAlignment().scan(seeds).matches()) {
      scanned.add(pairOf(m));
    }
    assertEquals(scanned, queried);
    assertTrue(queried.stream().noneMatch(p -> p.contains("004_")), "" + queried);
  }

  /**
   * Every pair carries evidence a reader can check: the chats' translations found by their
   * paragraph structure alone, with no aligned entity, show the paragraphs the structure pairs, in
   * text order, each starting a line in both texts, in the scan and in a query alike.
   */
  @Test
  void structureOnlyTranslations_showTheirPairedParagraphs() throws IOException {
    Map<String, String> texts = new HashMap<>();
    List<Document> chats = new ArrayList<>();
    for (CrossLanguageMatcher.Doc doc : XlingChats.load(false, new HashMap<>())) {
      chats.add(new Document(doc.id(), doc.text(), doc.language()));
      texts.put(doc.id(), doc.text());
    }
    List<Match> scanned = withAlignment().scan(chats).matches();
    Detector detector = withAlignment();
    List<Match> queried = new ArrayList<>();
    for (Document chat : chats) {
      queried.addAll(detector.queryAndAdd(chat));
    }
    for (List<Match> matches : List.of(scanned, queried)) {
      int byStructure = 0;
      for (Match m : matches) {
        assertFalse(
            m.passages().isEmpty() && m.entities().isEmpty() && m.paragraphs().isEmpty(),
            () -> "no evidence: " + m);
        if (m.paragraphs().isEmpty()) {
          continue;
        }
        byStructure++;
        assertTrue(m.entities().isEmpty(), () -> "paragraphs only where no entity aligned: " + m);
        int lastA = -1;
        int lastB = -1;
        for (ParagraphLink p : m.paragraphs()) {
          assertTrue(p.aStart() > lastA && p.bStart() > lastB, () -> "in text order: " + m);
          assertTrue(startsLine(texts.get(m.a()), p.aStart()), () -> "a line start: " + p);
          assertTrue(startsLine(texts.get(m.b()), p.bStart()), () -> "a line start: " + p);
          assertTrue(
              p.aEnd() <= texts.get(m.a()).length() && p.bEnd() <= texts.get(m.b()).length());
          lastA = p.aEnd();
          lastB = p.bEnd();
        }
      }
      assertTrue(byStructure > 0, "the chats have translations found by structure alone");
    }
  }

  private static boolean startsLine(String text, int offset) {
    return offset == 0 || text.charAt(offset - 1) == '\n' || text.charAt(offset - 1) == '\r';
  }

  /**
   * Real chats and forum threads ({@code testdata/xling-chats}), each queried before it is added,
   * as a newsroom checks stories as they arrive: they name almost nothing, so their translations
   * are found by their paragraph structures; a query finds nearly as many as a scan of all of them
   * at once, and no pair of two different threads.
   */
  @Test
  void queryThenAdd_findsChatTranslations_nearlyAsTheScanDoes() throws IOException {
    Map<String, String> cluster = new HashMap<>();
    List<Document> chats = new ArrayList<>();
    for (CrossLanguageMatcher.Doc doc : XlingChats.load(false, cluster)) {
      chats.add(new Document(doc.id(), doc.text(), doc.language()));
    }
    Detector detector = withAlignment();
    Set<String> queried = new TreeSet<>();
    for (Document chat : chats) {
      for (Match m : detector.query(chat)) {
        assertEquals(cluster.get(m.a()), cluster.get(m.b()), () -> "false pair " + m);
        queried.add(pairOf(m));
      }
      detector.add(chat);
    }
    Set<String> scanned = new TreeSet<>();
    for (Match m : withAlignment().scan(chats).matches()) {
      scanned.add(pairOf(m));
    }
    assertTrue(
        queried.size() >= 0.9 * scanned.size(),
        "query found " + queried.size() + ", scan " + scanned.size());
  }

  /**
   * {@code queryAndAdd} is {@code query} then {@code add} in one step, and {@code addAll} is {@code
   * add} on each document in order: on the syndication subset and the chats, with alignment on and
   * off, the same matches, evidence and scores included, document by document.
   */
  @Test
  void queryAndAdd_andAddAll_answerAsQueryThenAdd_andAddOneByOne() throws IOException {
    List<Document> documents = RealDocuments.syndicationAndChats();
    for (boolean crossLanguage : new boolean[] {false, true}) {
      Detector oneStep = Polydup.builder().crossLanguage(crossLanguage).threads(2).build();
      Detector twoSteps = Polydup.builder().crossLanguage(crossLanguage).threads(2).build();
      int found = 0;
      for (Document d : documents) {
        List<Match> expected = twoSteps.query(d);
        twoSteps.add(d);
        assertEquals(expected, oneStep.queryAndAdd(d), d.id());
        found += expected.size();
      }
      assertTrue(found > 100, "matches found: " + found);
      assertEquals(documents.size(), oneStep.size());

      // The first half loaded at once, the second queried: as if the first were added one by one.
      int half = documents.size() / 2;
      Detector loaded = Polydup.builder().crossLanguage(crossLanguage).threads(2).build();
      Detector oneByOne = Polydup.builder().crossLanguage(crossLanguage).threads(2).build();
      loaded.addAll(documents.subList(0, half));
      documents.subList(0, half).forEach(oneByOne::add);
      for (Document d : documents.subList(half, documents.size())) {
        assertEquals(oneByOne.query(d), loaded.query(d), d.id());
      }
    }
  }

  /**
   * A saved index loaded into a new detector answers every query as the one that saved it, with
   * alignment on and off: the syndication subset and the chats, a third of them removed before
   * saving (a removed document is not saved), the rest queried.
   */
  @Test
  void savedIndex_loadedAgain_answersAsTheOneThatSavedIt(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    List<Document> documents =
        new ArrayList<>(SyndicationEvaluation.load(Path.of("testdata/syndication")).documents());
    for (CrossLanguageMatcher.Doc doc : XlingChats.load(false, new HashMap<>())) {
      documents.add(new Document(doc.id(), doc.text(), doc.language()));
    }
    int half = documents.size() / 2;
    List<Document> archived = documents.subList(0, half);
    for (boolean crossLanguage : new boolean[] {false, true}) {
      Detector saving = Polydup.builder().crossLanguage(crossLanguage).threads(2).build();
      saving.addAll(archived);
      for (int i = 0; i < half; i += 3) {
        assertTrue(saving.remove(archived.get(i).id()));
      }
      Path file = dir.resolve("index-" + crossLanguage + ".pdx");
      saving.save(file);
      Detector loaded = Polydup.builder().crossLanguage(crossLanguage).threads(2).build();
      loaded.load(file, ScanProgress.NONE);
      assertEquals(saving.size(), loaded.size());
      int found = 0;
      for (Document d : documents.subList(half, documents.size())) {
        List<Match> expected = saving.query(d);
        assertEquals(expected, loaded.query(d), d.id());
        found += expected.size();
      }
      // And a removed document, queried: found in neither, or alike in both.
      assertEquals(saving.query(archived.get(0)), loaded.query(archived.get(0)));
      assertTrue(found > 20, "matches found: " + found);
    }
  }

  @Test
  void savedIndex_keepsEveryTextExactly_evenLoneSurrogates(
      @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    // An emoji (a surrogate pair), a lone high surrogate, NUL and a 70,000-char text (past
    // DataOutput.writeUTF's limit) must all come back equal.
    String odd = "Emoji 🙂, a lone \ud83d surrogate, a NUL \u0000 and Ünïcödé, in a story.";
    String long70k = "Долгий текст о погоде. ".repeat(3_000);
    Detector detector = withAlignment();
    detector.addAll(List.of(Document.of("odd", odd), Document.of("long", long70k)));
    Path file = dir.resolve("index.pdx");
    detector.save(file);
    Detector loaded = withAlignment();
    loaded.load(file, ScanProgress.NONE);
    assertEquals(odd, loaded.textOf("odd"));
    assertEquals(long70k, loaded.textOf("long"));
    assertTrue(loaded.contains("long") && !loaded.contains("other"));
  }

  /**
   * A save killed before it could delete its temporary file leaves one as large as the index; the
   * next save to that file deletes it once it is an hour old, and leaves alone a running process's
   * temporary, a recent one (perhaps another machine's save) and any other name.
   */
  @Test
  void save_deletesTheTemporaryOfAKilledSave_only(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Detector detector = sameLanguage();
    detector.add(Document.of("a", "The first story, told once, with enough words to shingle."));
    Path file = dir.resolve("index.pdx");
    long noSuchProcess = 999_999_999L;
    Path abandoned =
        old(Files.writeString(dir.resolve("index.pdx." + noSuchProcess + "-42.part"), "x"));
    Path abandonedNegativeClock =
        old(Files.writeString(dir.resolve("index.pdx." + noSuchProcess + "--42.part"), "x"));
    Path running =
        old(
            Files.writeString(
                dir.resolve("index.pdx." + ProcessHandle.current().pid() + "-7.part"), "x"));
    Path recent = Files.writeString(dir.resolve("index.pdx." + noSuchProcess + "-43.part"), "x");
    Path otherFiles =
        old(Files.writeString(dir.resolve("other.pdx." + noSuchProcess + "-1.part"), "x"));
    Path hugeNumber =
        old(Files.writeString(dir.resolve("index.pdx.99999999999999999999-1.part"), "x"));

    detector.save(file);

    assertFalse(Files.exists(abandoned));
    assertFalse(Files.exists(abandonedNegativeClock));
    for (Path kept : List.of(running, recent, otherFiles, hugeNumber)) {
      assertTrue(Files.exists(kept), kept::toString);
    }
    assertEquals(1, sameLanguageLoaded(file).size());
  }

  /** {@code file}, last modified two hours ago. */
  private static Path old(Path file) throws IOException {
    Files.setLastModifiedTime(
        file, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(7200)));
    return file;
  }

  private static Detector sameLanguageLoaded(Path file) throws IOException {
    Detector loaded = sameLanguage();
    loaded.load(file, ScanProgress.NONE);
    return loaded;
  }

  @Test
  void savedIndex_isRefused_withOtherSettings_orWhenCorrupt(
      @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Detector detector = sameLanguage();
    detector.add(Document.of("a", "The first story, told once, with enough words to shingle."));
    Path file = dir.resolve("index.pdx");
    detector.save(file);

    IncompatibleDataException otherSeed =
        assertThrows(
            IncompatibleDataException.class,
            () ->
                Polydup.builder()
                    .crossLanguage(false)
                    .seed(99)
                    .build()
                    .load(file, ScanProgress.NONE));
    assertTrue(otherSeed.getMessage().contains("seed="), otherSeed.getMessage());
    // Each document's detected language is stored: a detector of other languages would differ.
    IncompatibleDataException otherLanguages =
        assertThrows(
            IncompatibleDataException.class,
            () ->
                Polydup.builder()
                    .crossLanguage(false)
                    .languages(Set.of("de", "fr"))
                    .build()
                    .load(file));
    assertTrue(
        otherLanguages.getMessage().contains("languages=de,fr"), otherLanguages.getMessage());
    Detector upperCase =
        Polydup.builder().crossLanguage(false).languages(Set.of("DE", "Fr")).build();
    upperCase.add(Document.of("u", "Ein Text, einmal erzählt, mit genug Wörtern für Schindeln."));
    Path spelt = dir.resolve("spelt.pdx");
    upperCase.save(spelt);
    Detector lowerCase =
        Polydup.builder().crossLanguage(false).languages(Set.of("de", "fr")).build();
    lowerCase.load(spelt);
    assertEquals(1, lowerCase.size(), "one language set, however it is spelt");
    assertThrows(
        IncompatibleDataException.class,
        () -> withAlignment().load(file, ScanProgress.NONE),
        "saved without cross-language matching");

    byte[] bytes = Files.readAllBytes(file);
    Path truncated = dir.resolve("truncated.pdx");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Detector fresh = sameLanguage();
    assertThrows(IncompatibleDataException.class, () -> fresh.load(truncated, ScanProgress.NONE));
    Path empty = Files.createFile(dir.resolve("empty.pdx"));
    IncompatibleDataException endsEarly =
        assertThrows(IncompatibleDataException.class, () -> fresh.load(empty, ScanProgress.NONE));
    assertTrue(
        endsEarly.getMessage().endsWith("is empty, not a polydup saved index"),
        endsEarly.getMessage());
    Path badSettings = dir.resolve("bad-settings.pdx");
    try (var out =
        new java.io.DataOutputStream(
            new java.util.zip.GZIPOutputStream(Files.newOutputStream(badSettings)))) {
      out.writeUTF("polydup-archive");
      out.writeInt(ArchiveFile.FORMAT_VERSION);
      out.write(new byte[] {0, 2, (byte) 0xFF, (byte) 0xFF}); // a settings line of malformed UTF
    }
    assertThrows(IncompatibleDataException.class, () -> fresh.load(badSettings));
    Path notAnIndex = dir.resolve("stories.jsonl");
    Files.writeString(notAnIndex, "{\"id\": \"x\", \"text\": \"y\"}\n");
    IncompatibleDataException notGzip =
        assertThrows(IncompatibleDataException.class, () -> fresh.load(notAnIndex));
    assertTrue(
        notGzip.getMessage().endsWith("is not a polydup saved index (it is not gzip data)"),
        notGzip.getMessage());
    assertEquals(0, fresh.size());

    // Loading into a detector that holds one of its ids adds nothing.
    Detector holding = sameLanguage();
    holding.add(Document.of("a", "Another text under the same id."));
    assertThrows(IllegalArgumentException.class, () -> holding.load(file, ScanProgress.NONE));
    assertEquals(1, holding.size());
  }

  @Test
  void save_intoAMissingFolder_namesTheFileAskedFor(@org.junit.jupiter.api.io.TempDir Path dir) {
    Detector detector = sameLanguage();
    detector.add(Document.of("a", "The first story, told once, with enough words to shingle."));
    Path file = dir.resolve("missing").resolve("index.pdx");

    java.nio.file.NoSuchFileException e =
        assertThrows(java.nio.file.NoSuchFileException.class, () -> detector.save(file));

    assertEquals(file.toString(), e.getFile(), "not the temporary file beside it");
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void scan_comparesAStoryAtTheEndOfAPageOfOverTwoMillionCharacters_andSaysWhereItCuts()
      throws IOException {
    String story = Files.readString(Path.of("testdata/seeds/001_0e17fbea12fc6044.txt"));
    StringBuilder page = new StringBuilder();
    java.util.Random random = new java.util.Random(7);
    while (page.length() < 2_100_000) { // distinct made-up words, then the story
      for (int letters = 3 + random.nextInt(6); letters > 0; letters--) {
        page.append((char) ('a' + random.nextInt(26)));
      }
      page.append(page.length() % 80 < 8 ? '\n' : ' ');
    }
    page.append("\n\n").append(story);
    List<Document> documents =
        List.of(Document.of("page", page.toString()), Document.of("s", story));

    ScanResult whole = sameLanguage().scan(documents);
    ScanResult cut =
        Polydup.builder().crossLanguage(false).maximumCharacters(1_000_000).build().scan(documents);

    assertEquals(1, whole.matches().size(), "the story lies past character 2,000,000");
    assertEquals(Relation.CONTAINED, whole.matches().get(0).relation());
    assertEquals("page", whole.matches().get(0).container());
    assertEquals(List.of(), whole.problems());
    assertEquals(List.of(), cut.matches(), "past the limit nothing is compared");
    assertEquals(2, cut.documents(), "a cut text is still scanned");
    assertEquals(1, cut.problems().size());
    assertEquals("page", cut.problems().get(0).documentId());
    assertTrue(
        cut.problems().get(0).message().startsWith("only the first 1,000,000 of its 2,1"),
        cut.problems().get(0).message());
    // Every stage reads the prefix: the entity stage too, and what the index keeps.
    Detector aligned = Polydup.builder().maximumCharacters(1_000).build();
    aligned.add(Document.of("page", page.toString()));
    assertEquals(1_000, aligned.textOf("page").length());
    ScanResult both = Polydup.builder().maximumCharacters(1_000).build().scan(documents);
    for (Match m : both.matches()) {
      for (EntityLink e : m.entities()) {
        assertTrue(e.aStart() < 1_000 && e.bStart() < 1_000, e.toString());
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Polydup.builder().maximumCharacters(0));
  }

  @Test
  void scan_namesThePositionOfANullDocument() {
    List<Document> documents = new ArrayList<>();
    documents.add(Document.of("a", "A story."));
    documents.add(null);

    NullPointerException list =
        assertThrows(NullPointerException.class, () -> sameLanguage().scan(documents));
    NullPointerException stream =
        assertThrows(
            NullPointerException.class,
            () -> sameLanguage().scan(documents.iterator(), ScanProgress.NONE));

    assertEquals("document 1 (from 0) is null", list.getMessage());
    assertEquals("document 1 (from 0) is null", stream.getMessage());
  }

  @Test
  void scan_readsAThreeLetterHintAsTheLanguageDetectionNames() throws IOException {
    String story = Files.readString(Path.of("testdata/seeds/000_1ef89ecac97abb9a.txt"));
    List<Document> documents =
        List.of(new Document("hinted", story, "eng"), Document.of("detected", story));

    Match m = sameLanguage().scan(documents).matches().get(0);

    assertEquals(Relation.DUPLICATE, m.relation());
    assertEquals("en", m.languageA(), "eng and en are one language");
    assertEquals("en", m.languageB());
  }

  @Test
  void load_cutsStoredTextsToTheLoadingDetectorsMaximum(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    String story = Files.readString(Path.of("testdata/seeds/000_1ef89ecac97abb9a.txt"));
    Detector wide = Polydup.builder().crossLanguage(true).build();
    wide.add(Document.of("story", story));
    Path file = dir.resolve("wide.pdx");
    wide.save(file);

    Detector narrow = Polydup.builder().crossLanguage(true).maximumCharacters(300).build();
    narrow.load(file);

    assertEquals(300, narrow.textOf("story").length(), "the stored text is cut as an add cuts it");
    assertEquals(story.length(), wide.textOf("story").length());
    assertTrue(story.length() > 300);
  }

  @Test
  void scan_reportsTheLengthKept_whenTheCutFallsInsideASurrogatePair() {
    ScanResult result =
        Polydup.builder()
            .crossLanguage(false)
            .maximumCharacters(5)
            .build()
            .scan(List.of(Document.of("e", "abcd\uD83D\uDE00xyz")));

    assertEquals(
        "only the first 4 of its 9 characters are read (maximumCharacters)",
        result.problems().get(0).message());
  }

  @Test
  void builder_namesTheParameter_whenLanguagesIsNull() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Polydup.builder().languages(null));
    assertEquals("languages", e.getMessage());
  }

  @Test
  void addAll_addsNothing_whenAnIdIsIndexedOrGivenTwice() {
    Detector detector = sameLanguage();
    Document a = Document.of("a", "The first story, told once.");
    Document b = Document.of("b", "The second story, told once.");
    detector.add(a);
    assertThrows(IllegalArgumentException.class, () -> detector.addAll(List.of(b, a)));
    assertThrows(IllegalArgumentException.class, () -> detector.addAll(List.of(b, b)));
    assertThrows(IllegalArgumentException.class, () -> detector.queryAndAdd(a));
    assertEquals(1, detector.size());
    detector.addAll(List.of(b));
    assertEquals(2, detector.size());
  }

  /**
   * An index that had documents added and removed answers as one that never had them: candidates,
   * shingle and entity-key weights, structures. Every other document of the syndication subset and
   * of the chats is added to both, the rest to one of them and removed again, interleaved so that
   * the two number their documents differently; then each removed document is queried in both.
   */
  @Test
  void removedDocuments_leaveTheIndexAsIfNeverAdded() throws IOException {
    List<Document> documents = RealDocuments.syndicationAndChats();
    for (boolean crossLanguage : new boolean[] {false, true}) {
      Detector never = Polydup.builder().crossLanguage(crossLanguage).build();
      Detector removed = Polydup.builder().crossLanguage(crossLanguage).build();
      List<Document> probes = new ArrayList<>();
      for (int i = 0; i < documents.size(); i++) {
        Document d = documents.get(i);
        removed.add(d);
        if (i % 2 == 0) {
          never.add(d);
        } else {
          probes.add(d);
        }
      }
      for (Document probe : probes) {
        assertTrue(removed.remove(probe.id()));
      }
      assertEquals(never.size(), removed.size());
      int matches = 0;
      for (Document probe : probes) {
        List<Match> expected = never.query(probe);
        assertEquals(
            expected, removed.query(probe), probe.id() + ", cross-language " + crossLanguage);
        matches += expected.size();
      }
      assertTrue(matches > 50, "matches of the removed documents: " + matches);
    }
  }

  private static List<Document> renamed(List<Document> documents, String suffix) {
    List<Document> renamed = new ArrayList<>();
    for (Document d : documents) {
      renamed.add(new Document(d.id() + suffix, d.text(), d.languageHint()));
    }
    return renamed;
  }

  /**
   * A window sliding over rounds of stories, each round removed once the next is in: past {@value
   * Compaction#MINIMUM_REMOVED} removed slots, more than the live documents, the indexes are
   * rebuilt over the live ones, so slots no longer pile up, and the detector answers as one given
   * only the last round.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void remove_rebuildsTheIndexes_onceRemovedSlotsOutnumberLiveOnes(boolean crossLanguage)
      throws IOException {
    List<Document> documents = RealDocuments.syndicationAndChats();
    int rounds = 1 + Compaction.MINIMUM_REMOVED / documents.size() + 1;
    DefaultDetector churned =
        (DefaultDetector) Polydup.builder().crossLanguage(crossLanguage).build();
    List<Document> previous = List.of();
    for (int round = 0; round < rounds; round++) {
      List<Document> current = renamed(documents, "#" + round);
      churned.addAll(current);
      for (Document d : previous) {
        assertTrue(churned.remove(d.id()));
      }
      previous = current;
    }
    assertEquals(documents.size(), churned.size());
    assertTrue(
        churned.slotCount() <= 2 * churned.size(),
        churned.slotCount()
            + " slots for "
            + churned.size()
            + " documents, after "
            + rounds * documents.size()
            + " adds");

    Detector fresh = Polydup.builder().crossLanguage(crossLanguage).build();
    fresh.addAll(previous);
    int matches = 0;
    for (Document probe : renamed(documents, "#probe")) {
      List<Match> expected = fresh.query(probe);
      assertEquals(
          expected, churned.query(probe), probe.id() + ", cross-language " + crossLanguage);
      matches += expected.size();
    }
    assertTrue(matches > documents.size(), "matches: " + matches);
    // Adds after the rebuild take the next slots: the newest story is found, and found last.
    Document late =
        new Document(
            "late",
            documents.get(0).text() + "\nUpdated with a late report from the scene.",
            documents.get(0).languageHint());
    churned.add(late);
    List<Match> found = churned.query(renamed(List.of(late), "#probe").get(0));
    assertTrue(found.stream().anyMatch(m -> m.b().equals("late")), found::toString);
  }

  @Test
  void removedDocument_isNoLongerATranslationCandidate() throws IOException {
    Detector detector = withAlignment();
    detector.add(Document.of("uk-original", seed("002_da7ef6208064fff2")));
    assertTrue(detector.remove("uk-original"));
    assertEquals(
        List.of(), detector.query(Document.of("en-translation", seed("001_0e17fbea12fc6044"))));
  }

  /** A pair's ids in sorted order and its relation, whichever side was queried. */
  private static String pairOf(Match m) {
    String first = m.a().compareTo(m.b()) < 0 ? m.a() : m.b();
    String second = first.equals(m.a()) ? m.b() : m.a();
    return first + " " + second + " " + m.relation();
  }

  private static final String COPIED_TEXT =
      "The city council approved the new budget for schools and roads on Tuesday evening,"
          + " after a long debate about taxes and the cost of repairing the old bridge.";

  /**
   * An unrelated story, then {@code copies} copies of one text ({@code copy000}...; spacing and
   * case differ, the words do not) with a near copy ({@code near}) after copy {@code nearAfter}.
   */
  private static List<Document> copiesOfOneText(int copies, int nearAfter) {
    List<Document> documents = new ArrayList<>();
    documents.add(Document.of("other", "A completely different story about football and rain."));
    for (int i = 0; i < copies; i++) {
      String copy =
          i % 3 == 0
              ? COPIED_TEXT.toUpperCase(java.util.Locale.ROOT)
              : COPIED_TEXT.replace(" ", "  ");
      documents.add(Document.of(String.format(java.util.Locale.ROOT, "copy%03d", i), copy));
      if (i == nearAfter) {
        documents.add(Document.of("near", COPIED_TEXT.replace("Tuesday", "Wednesday")));
      }
    }
    return documents;
  }

  /**
   * n copies of one text are n - 1 pairs, each with the first copy, not n(n - 1)/2: 3,000 copies of
   * one line were 4.5 million pairs. A near copy is still paired with every copy, and the cluster
   * holds them all.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void scan_reportsCopiesOfOneText_againstTheFirstCopyOnly(boolean crossLanguage) {
    List<Document> documents = copiesOfOneText(120, 119);

    ScanResult result =
        Polydup.builder().crossLanguage(crossLanguage).threads(2).build().scan(documents);

    List<Match> amongCopies =
        result.matches().stream()
            .filter(m -> m.a().startsWith("copy") && m.b().startsWith("copy"))
            .toList();
    assertEquals(119, amongCopies.size(), "pairs among the copies");
    for (Match m : amongCopies) {
      assertTrue(m.a().equals("copy000") || m.b().equals("copy000"), m.toString());
      assertEquals(Relation.DUPLICATE, m.relation(), m.toString());
    }
    long withNear =
        result.matches().stream().filter(m -> m.a().equals("near") || m.b().equals("near")).count();
    assertEquals(120, withNear, "the near copy against each copy");
    assertEquals(1, result.clusters().size(), result.clusters().toString());
    assertEquals(121, result.clusters().get(0).members().size());
  }

  /**
   * Copies checked in one by one ({@code queryAndAdd}) are paired as a scan pairs them: each copy
   * with the earliest one only, the near copy with every copy, whichever comes first.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void queryAndAdd_pairsCopiesOfOneText_asAScanDoes(boolean crossLanguage) {
    List<Document> documents = copiesOfOneText(60, 30);
    Set<String> scanned = new TreeSet<>();
    for (Match m :
        Polydup.builder().crossLanguage(crossLanguage).build().scan(documents).matches()) {
      scanned.add(pairOf(m));
    }
    Detector detector = Polydup.builder().crossLanguage(crossLanguage).build();
    Set<String> queried = new TreeSet<>();
    for (Document d : documents) {
      for (Match m : detector.queryAndAdd(d)) {
        assertTrue(queried.add(pairOf(m)), "reported twice: " + m);
      }
    }
    assertEquals(59 + 60, queried.size(), "each copy with the first, the near copy with each");
    assertEquals(scanned, queried);
    // Queried by its own id, the first copy is paired with every later one, as in the scan; a later
    // copy with the first alone.
    for (String id : List.of("copy000", "copy030")) {
      Set<String> expected = new TreeSet<>();
      for (String pair : scanned) {
        if (java.util.Arrays.asList(pair.split(" ")).contains(id)) {
          expected.add(pair);
        }
      }
      Document indexed =
          documents.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
      Set<String> found = new TreeSet<>();
      detector.query(indexed).forEach(m -> found.add(pairOf(m)));
      assertEquals(expected, found, id);
    }
    // Once the first copy is gone, the next one stands for the text.
    assertTrue(detector.remove("copy000"));
    List<Match> found = detector.query(Document.of("late", COPIED_TEXT));
    assertEquals(
        List.of("copy001", "near"), found.stream().map(Match::b).sorted().toList(), "" + found);
  }

  /**
   * A later copy is verified on its own against the first copy's candidates: its verdict may differ
   * from the first copy's (two texts with as many shingles are oriented by id), and reusing the
   * first copy's lost b ~ c here, and made the pairs depend on which copy came first.
   */
  @Test
  void scan_checksEachCopyOnItsOwn_soNoPairDependsOnWhichCopyComesFirst() {
    java.util.Random random = new java.util.Random(11);
    StringBuilder p = new StringBuilder();
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      p.append("p").append(random.nextInt(100_000)).append(' ');
      q.append("q").append(random.nextInt(100_000)).append(' ');
    }
    List<Document> documents =
        List.of(
            new Document("a", p + "\n" + q, "en"),
            new Document("b", p + "\n" + p, "en"),
            new Document("c", p + "\n" + q, "en"));
    List<Document> reversed = new ArrayList<>(documents);
    java.util.Collections.reverse(reversed);

    Map<Set<String>, String> forward = verdicts(sameLanguage().scan(documents));
    Map<Set<String>, String> backward = verdicts(sameLanguage().scan(reversed));

    assertTrue(forward.containsKey(Set.of("b", "c")), forward.toString());
    assertEquals(forward, backward);
  }
}
