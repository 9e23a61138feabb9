package org.polydup.align;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;
import org.polydup.align.extract.EntityKind;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.KeyStatistics;
import org.polydup.internal.Mixing;

/**
 * Candidate generation for alignment: an inverted index from rare entity keys to documents.
 * Thread-safe: {@link #add} and {@link #query} may run concurrently (a read-write lock).
 *
 * <h2>Rationale</h2>
 *
 * Alignment is too costly for all pairs, and translations share few keys, too few for MinHash bands
 * to be reliable. Rare keys are selective on their own, so the index keeps posting lists of every
 * key and a query reads only the {@value #KEYS_PER_QUERY} rarest keys of each kind (anchors, for
 * other languages; word stems, for the same language) whose lists are shorter than {@code
 * maximumPostings}. Candidates are ranked by the IDF mass they share with the query, divided by the
 * square root of their own key count (a cosine-like normalisation that stops long documents from
 * winning every query), separately for other-language and same-language documents.
 */
public final class EntityIndex {
  static final int KEYS_PER_QUERY = 64;

  /** Number of posting maps; a power of two. */
  private static final int SHARDS = 16;

  private static final AtomicLong NEXT_ID = new AtomicLong();

  /** Tells the per-thread {@link Accumulator}s which index they last served. */
  private final long id = NEXT_ID.getAndIncrement();

  private final KeyStatistics statistics;
  private final int maximumPostings;

  /**
   * Posting lists (document numbers, ascending) by key, in {@value #SHARDS} maps by the key's top
   * bits: {@link #addAll} fills the shards in parallel, each in document order.
   */
  @SuppressWarnings({"unchecked", "rawtypes"}) // Java has no generic array creation.
  private final Long2ObjectOpenHashMap<IntArrayList>[] postings =
      new Long2ObjectOpenHashMap[SHARDS];

  /** Language of each document, as a number from {@link #languageNumbers}. */
  private final IntArrayList languages = new IntArrayList();

  private final Object2IntOpenHashMap<String> languageNumbers = new Object2IntOpenHashMap<>();
  private final IntArrayList anchorCounts = new IntArrayList();

  /**
   * The profile each document was added with: a query by a document with its own profile (the
   * batch's) knows that every key it reads lists that document, without searching each list.
   */
  private final List<EntityProfile> profiles = new ArrayList<>();

  private final IntArrayList wordCounts = new IntArrayList();

  /**
   * Per document, a hash of its language and entity keys: candidates of equal score are ranked by
   * it, so which of them a limited list keeps depends on their content, not on the order the
   * documents were added in.
   */
  private final LongArrayList tieBreaks = new LongArrayList();

  /**
   * Each document's distinct keys as {@link #addAll(EntityProfile[], boolean)} gathered them, kept
   * (when asked) until the document's own query reads them; {@code null} otherwise. The arrays are
   * never written after they are built, so a query that finds them taken builds its own, equal
   * ones.
   */
  private final List<DocumentKeys> keptKeys = new ArrayList<>();

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /**
   * Creates an empty index.
   *
   * @param statistics the key weights (shared; the caller keeps them up to date)
   * @param maximumPostings keys in more documents than this are not read at query time; {@code >=
   *     1}
   */
  public EntityIndex(KeyStatistics statistics, int maximumPostings) {
    this.statistics = Objects.requireNonNull(statistics, "statistics");
    if (maximumPostings < 1) {
      throw new IllegalArgumentException("maximumPostings must be >= 1, got " + maximumPostings);
    }
    this.maximumPostings = maximumPostings;
    for (int shard = 0; shard < SHARDS; shard++) {
      postings[shard] = new Long2ObjectOpenHashMap<>();
    }
  }

  /** A candidate document and its pre-alignment score (higher is better). */
  public record Candidate(int document, double score) {}

  /**
   * Adds a document's keys.
   *
   * @return the document's number in this index, from 0 in order of addition
   */
  public int add(EntityProfile profile) {
    return add(new DocumentKeys(profile), profile);
  }

  /**
   * Adds the documents' keys, in order: the same as {@link #add} on each, but the keys of every
   * document are gathered in parallel first, and the posting lists are filled shard by shard in
   * parallel (on the common fork-join pool, or the pool this runs in): one thread appending every
   * posting of a batch under the lock was a serial second on the first 20k bulk documents.
   */
  public void addAll(EntityProfile[] profiles) {
    addAll(profiles, false);
  }

  /**
   * {@link #addAll(EntityProfile[])}, keeping each document's distinct keys, when {@code
   * keepForOwnQuery}, until its first query with its own profile (see {@link #query(EntityProfile,
   * int, int)}): a batch that queries every document once then does not gather them a second time.
   * The keys of a document never queried stay in memory as long as the index.
   */
  void addAll(EntityProfile[] profiles, boolean keepForOwnQuery) {
    DocumentKeys[] keys = new DocumentKeys[profiles.length];
    IntStream.range(0, profiles.length)
        .parallel()
        .forEach(i -> keys[i] = new DocumentKeys(profiles[i]));
    lock.writeLock().lock();
    try {
      int first = languages.size();
      for (int i = 0; i < keys.length; i++) {
        addDocument(keys[i], profiles[i]);
        keptKeys.set(first + i, keepForOwnQuery ? keys[i] : null);
      }
      // Readers wait for the write lock; the workers' writes are visible to this thread once the
      // stream ends, and to readers once the lock is released.
      IntStream.range(0, SHARDS)
          .parallel()
          .forEach(
              shard -> {
                for (int i = 0; i < keys.length; i++) {
                  addPostings(keys[i].anchors, first + i, shard);
                  addPostings(keys[i].wordsOnly, first + i, shard);
                }
              });
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Removes a document's postings, so that no query returns it again and its lists no longer count
   * towards a list's length. Its number is not reused: later documents keep theirs.
   *
   * @return whether the document was in the index (false if unknown or removed already)
   */
  public boolean remove(int document) {
    lock.writeLock().lock();
    try {
      if (document < 0 || document >= profiles.size() || profiles.get(document) == null) {
        return false;
      }
      DocumentKeys keys = new DocumentKeys(profiles.get(document));
      removePostings(keys.anchors, document);
      removePostings(keys.wordsOnly, document);
      profiles.set(document, null);
      keptKeys.set(document, null);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Takes {@code document} out of the lists of {@code keys}, dropping lists left empty. */
  private void removePostings(long[] keys, int document) {
    for (long key : keys) {
      Long2ObjectOpenHashMap<IntArrayList> map = postings[shardOf(key)];
      IntArrayList list = map.get(key);
      // Documents are appended in order of their numbers, so every list is sorted.
      int at = list == null ? -1 : Arrays.binarySearch(list.elements(), 0, list.size(), document);
      if (at >= 0) {
        list.removeInt(at);
        if (list.isEmpty()) {
          map.remove(key);
        }
      }
    }
  }

  private int add(DocumentKeys keys, EntityProfile profile) {
    lock.writeLock().lock();
    try {
      int document = addDocument(keys, profile);
      addPostings(keys.anchors, document);
      addPostings(keys.wordsOnly, document);
      return document;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Numbers a document and records its language and key counts; must hold the write lock. */
  private int addDocument(DocumentKeys keys, EntityProfile profile) {
    int document = languages.size();
    profiles.add(profile);
    keptKeys.add(null);
    languages.add(languageNumber(keys.language));
    anchorCounts.add(keys.anchorCount);
    wordCounts.add(keys.wordCount);
    tieBreaks.add(keys.tieBreak);
    return document;
  }

  /** One document's distinct anchor keys, and its word keys that are not anchor keys. */
  private static final class DocumentKeys {
    final String language;
    final long[] anchors;
    final long[] wordsOnly;
    final int anchorCount;
    final int wordCount;
    final long tieBreak;

    DocumentKeys(EntityProfile profile) {
      tieBreak = contentHash(profile);
      LongOpenHashSet anchorSet = anchorKeys(profile);
      LongOpenHashSet words = wordKeys(profile);
      language = profile.language();
      anchorCount = anchorSet.size();
      wordCount = words.size();
      words.removeAll(anchorSet);
      anchors = anchorSet.toLongArray();
      wordsOnly = words.toLongArray();
    }
  }

  /** A hash of the profile's language and of its entities' keys and kinds, in text order. */
  private static long contentHash(EntityProfile profile) {
    long hash = Mixing.fmix64(profile.language().hashCode());
    for (int i = 0; i < profile.size(); i++) {
      hash = Mixing.fmix64(hash ^ profile.key(i));
      hash = Mixing.fmix64(hash ^ profile.wordKey(i) ^ profile.kind(i).ordinal());
    }
    return hash;
  }

  /** Must hold the write lock. */
  private int languageNumber(String language) {
    return languageNumbers.computeIfAbsent(language, k -> languageNumbers.size());
  }

  /** Appends {@code document} to the lists of {@code keys}. */
  private void addPostings(long[] keys, int document) {
    for (long key : keys) {
      postings[shardOf(key)].computeIfAbsent(key, k -> new IntArrayList(2)).add(document);
    }
  }

  /** Appends {@code document} to the lists of those of {@code keys} in {@code shard}. */
  private void addPostings(long[] keys, int document, int shard) {
    Long2ObjectOpenHashMap<IntArrayList> map = postings[shard];
    for (long key : keys) {
      if (shardOf(key) == shard) {
        map.computeIfAbsent(key, k -> new IntArrayList(2)).add(document);
      }
    }
  }

  private static int shardOf(long key) {
    return (int) (key >>> 60) & (SHARDS - 1);
  }

  /** The posting list of {@code key}, or {@code null}. */
  private IntArrayList postingsOf(long key) {
    return postings[shardOf(key)].get(key);
  }

  /**
   * The distinct anchor keys of a profile (matched across languages). {@link EntityKind#HAN_FORM}
   * keys are left out: they are rare (only Chinese and Japanese have them), so they would crowd the
   * rarest keys of a query with keys no other language can share; the Mandarin key of the same word
   * finds the Han-writing candidates.
   */
  private static LongOpenHashSet anchorKeys(EntityProfile profile) {
    LongOpenHashSet anchors = new LongOpenHashSet();
    for (int i = 0; i < profile.size(); i++) {
      if (profile.kind(i) == EntityKind.HAN_FORM) {
        continue;
      }
      if (profile.kind(i).isAnchor() || profile.key(i) != 0) {
        anchors.add(profile.key(i));
      }
    }
    return anchors;
  }

  /** The distinct word-stem keys of a profile (matched within one language). */
  private static LongOpenHashSet wordKeys(EntityProfile profile) {
    LongOpenHashSet words = new LongOpenHashSet();
    for (int i = 0; i < profile.size(); i++) {
      words.add(profile.wordKey(i));
    }
    return words;
  }

  /** Number of documents added. */
  public int size() {
    lock.readLock().lock();
    try {
      return languages.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Candidates for {@code profile}: up to {@code limit} documents in other languages ranked on
   * shared anchors, then up to {@code limit} in the same language ranked on shared word stems.
   *
   * @param exclude a document number to leave out (the query itself), or -1
   */
  public List<Candidate> query(EntityProfile profile, int limit, int exclude) {
    return query(profile, limit, exclude, true);
  }

  /**
   * Candidates for {@code profile} in other languages only: the first part of {@link #query},
   * without ranking the same-language documents on word stems. For a deeper second look at one
   * kind, where the word-stem ranking would be paid again for nothing.
   *
   * @param exclude a document number to leave out (the query itself), or -1
   */
  public List<Candidate> queryOtherLanguages(EntityProfile profile, int limit, int exclude) {
    return query(profile, limit, exclude, false);
  }

  /**
   * Candidates for {@code profile} in one other language only, ranked on shared anchors as {@link
   * #query} ranks the other languages: a document's best rivals in one language, which the top of
   * all other languages may leave out when the document has versions in many.
   *
   * @param language the candidates' language; one the index has not seen gives none
   * @param exclude a document number to leave out (the query itself), or -1
   */
  public List<Candidate> queryLanguage(
      EntityProfile profile, String language, int limit, int exclude) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    lock.readLock().lock();
    try {
      int number = languageNumbers.getOrDefault(language, -1);
      if (number < 0 || language.equals(profile.language())) {
        return List.of();
      }
      boolean ownKeys =
          exclude >= 0 && exclude < profiles.size() && profiles.get(exclude) == profile;
      long[] anchors = anchorKeys(profile).toLongArray();
      return rank(anchors, limit, exclude, ownKeys, number, true, anchorCounts);
    } finally {
      lock.readLock().unlock();
    }
  }

  private List<Candidate> query(
      EntityProfile profile, int limit, int exclude, boolean withSameLanguage) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    Candidates found = query(profile, limit, withSameLanguage ? limit : 0, exclude);
    List<Candidate> result = new ArrayList<>(found.otherLanguages());
    result.addAll(found.sameLanguage());
    return result;
  }

  /**
   * The candidates of {@link #query} in its two kinds, each best first.
   *
   * @param otherLanguages up to so many in other languages, ranked on shared anchors
   * @param sameLanguage up to so many in the same language, ranked on shared word stems
   */
  record Candidates(List<Candidate> otherLanguages, List<Candidate> sameLanguage) {}

  /**
   * Like {@link #query(EntityProfile, int, int)}, with a depth per kind: the first {@code k} of a
   * deeper list are exactly the list of depth {@code k} (candidates are ranked in a total order),
   * so a caller that may want a deeper look later asks for it once.
   *
   * @param otherLanguageLimit candidates in other languages, {@code >= 1}
   * @param sameLanguageLimit candidates in the same language, {@code >= 0} (0: no word-stem
   *     ranking)
   * @param exclude a document number to leave out (the query itself), or -1
   */
  Candidates query(
      EntityProfile profile, int otherLanguageLimit, int sameLanguageLimit, int exclude) {
    if (otherLanguageLimit < 1) {
      throw new IllegalArgumentException(
          "otherLanguageLimit must be >= 1, got " + otherLanguageLimit);
    }
    if (sameLanguageLimit < 0) {
      throw new IllegalArgumentException(
          "sameLanguageLimit must be >= 0, got " + sameLanguageLimit);
    }
    lock.readLock().lock();
    try {
      // A language the index has not seen matches no document: -1.
      int language = languageNumbers.getOrDefault(profile.language(), -1);
      boolean ownKeys =
          exclude >= 0 && exclude < profiles.size() && profiles.get(exclude) == profile;
      DocumentKeys kept = ownKeys ? keptKeys.get(exclude) : null;
      if (kept != null) {
        // Read once: the keys go with the document's own query.
        keptKeys.set(exclude, null);
      }
      // Key arrays in the iteration order of the sets they come from: the rarest keys are chosen
      // with ties broken by that order, and the kept arrays were built by the same steps.
      long[] anchors;
      long[] wordsOnly = null;
      if (kept != null) {
        anchors = kept.anchors;
        wordsOnly = kept.wordsOnly;
      } else {
        LongOpenHashSet anchorSet = anchorKeys(profile);
        anchors = anchorSet.toLongArray();
        if (sameLanguageLimit > 0) {
          LongOpenHashSet words = wordKeys(profile);
          words.removeAll(anchorSet);
          wordsOnly = words.toLongArray();
        }
      }
      List<Candidate> others =
          rank(anchors, otherLanguageLimit, exclude, ownKeys, language, false, anchorCounts);
      List<Candidate> same = List.of();
      if (sameLanguageLimit > 0) {
        same = rank(wordsOnly, sameLanguageLimit, exclude, ownKeys, language, true, wordCounts);
      }
      return new Candidates(others, same);
    } finally {
      lock.readLock().unlock();
    }
  }

  private List<Candidate> rank(
      long[] keys,
      int limit,
      int exclude,
      boolean ownKeys,
      int language,
      boolean sameLanguage,
      IntArrayList counts) {
    // Scores accumulate in a dense per-thread array (reset through the list of touched
    // documents): a hash map here grew and rehashed on every query. Each document's slot holds
    // its language, the query that last touched it and its score side by side, so a posting costs
    // one cache line rather than three (language, stamp and score arrays).
    Accumulator accumulator = ACCUMULATORS.get();
    int rareCount = rarest(keys, exclude, ownKeys, accumulator);
    long[] rare = accumulator.rare;
    IntArrayList[] rareLists = accumulator.rareLists;
    accumulator.reset(this, languages);
    long[] slots = accumulator.slots;
    long stamp = (long) accumulator.stamp << 32;
    for (int r = 0; r < rareCount; r++) {
      long key = rare[r];
      IntArrayList list = rareLists[r];
      if (list == null || list.size() > maximumPostings) {
        continue;
      }
      double weight = statistics.weight(key);
      int[] documents = list.elements();
      for (int k = 0, n = list.size(); k < n; k++) {
        int document = documents[k];
        int slot = 2 * document;
        long meta = slots[slot];
        if (document != exclude && ((int) meta == language) == sameLanguage) {
          if ((meta & STAMP_MASK) != stamp) {
            slots[slot] = stamp | (meta & LANGUAGE_MASK);
            slots[slot + 1] = Double.doubleToRawLongBits(weight);
            accumulator.touch(document);
          } else {
            slots[slot + 1] =
                Double.doubleToRawLongBits(Double.longBitsToDouble(slots[slot + 1]) + weight);
          }
        }
      }
    }
    // The best `limit` in a primitive min-heap (worst at the root): most touched documents are
    // compared with the root alone and never boxed.
    double[] heapScores = new double[limit];
    int[] heapDocuments = new int[limit];
    int size = 0;
    for (int t = 0; t < accumulator.touchedCount; t++) {
      int document = accumulator.touched[t];
      double score =
          Double.longBitsToDouble(slots[2 * document + 1])
              / Math.sqrt(Math.max(1, counts.getInt(document)));
      if (size < limit) {
        int child = size++;
        while (child > 0) {
          int parent = (child - 1) >>> 1;
          if (!worse(score, document, heapScores[parent], heapDocuments[parent])) {
            break;
          }
          heapScores[child] = heapScores[parent];
          heapDocuments[child] = heapDocuments[parent];
          child = parent;
        }
        heapScores[child] = score;
        heapDocuments[child] = document;
      } else if (worse(heapScores[0], heapDocuments[0], score, document)) {
        int parent = 0;
        while (true) {
          int child = 2 * parent + 1;
          if (child >= size) {
            break;
          }
          if (child + 1 < size
              && worse(
                  heapScores[child + 1],
                  heapDocuments[child + 1],
                  heapScores[child],
                  heapDocuments[child])) {
            child++;
          }
          if (!worse(heapScores[child], heapDocuments[child], score, document)) {
            break;
          }
          heapScores[parent] = heapScores[child];
          heapDocuments[parent] = heapDocuments[child];
          parent = child;
        }
        heapScores[parent] = score;
        heapDocuments[parent] = document;
      }
    }
    List<Candidate> ranked = new ArrayList<>(size);
    for (int k = 0; k < size; k++) {
      ranked.add(new Candidate(heapDocuments[k], heapScores[k]));
    }
    ranked.sort(
        (x, y) ->
            worse(y.score(), y.document(), x.score(), x.document())
                ? -1
                : worse(x.score(), x.document(), y.score(), y.document()) ? 1 : 0);
    return ranked;
  }

  /**
   * Whether (score, document) ranks below (otherScore, otherDocument): a lower score, then on a tie
   * the larger {@link #tieBreaks content hash}, then (for documents with equal content) the later
   * document. Must hold a lock.
   */
  private boolean worse(double score, int document, double otherScore, int otherDocument) {
    int byScore = Double.compare(score, otherScore);
    if (byScore != 0) {
      return byScore < 0;
    }
    int byContent = Long.compare(tieBreaks.getLong(document), tieBreaks.getLong(otherDocument));
    return byContent != 0 ? byContent > 0 : document > otherDocument;
  }

  private static final ThreadLocal<Accumulator> ACCUMULATORS =
      ThreadLocal.withInitial(Accumulator::new);

  /** Low half of an accumulator slot's first long: the document's language number. */
  private static final long LANGUAGE_MASK = 0xffff_ffffL;

  /** High half of an accumulator slot's first long: the query that last touched the document. */
  private static final long STAMP_MASK = ~LANGUAGE_MASK;

  /**
   * Per-thread score sums by document number, with the list of documents touched. Document {@code
   * d} owns {@code slots[2d]} (query stamp in the high half, language number in the low half) and
   * {@code slots[2d + 1]} (the score's bits). The languages are copied from the index the
   * accumulator last served; a query on another index, or after documents were added, copies what
   * it lacks.
   */
  private static final class Accumulator {
    long[] slots = new long[0];
    int[] touched = new int[16];
    int touchedCount;

    /** The query's keys to read ({@link #rarest}) and their posting lists, side by side. */
    long[] rare = new long[KEYS_PER_QUERY];

    IntArrayList[] rareLists = new IntArrayList[KEYS_PER_QUERY];

    /** {@link #rarest}'s (frequency, index) pairs, and the posting list of each index. */
    long[] order = new long[KEYS_PER_QUERY];

    IntArrayList[] found = new IntArrayList[KEYS_PER_QUERY];

    /** Query number that last touched each document: no clearing between queries. */
    int stamp;

    /**
     * The {@link #id} of the index whose languages {@link #slots} hold (an id rather than the index
     * itself, which the thread would keep alive), and for how many documents.
     */
    long owner = -1;

    int languagesCopied;

    /** Starts a query on {@code index}, whose documents have {@code languages}. */
    void reset(EntityIndex index, IntArrayList languages) {
      touchedCount = 0;
      stamp++;
      int documents = languages.size();
      if (owner != index.id || stamp == 0) {
        // A new index (or stamps wrapped round): forget every stamp and language.
        owner = index.id;
        languagesCopied = 0;
        Arrays.fill(slots, 0);
        stamp = 1;
      }
      if (slots.length < 2 * documents) {
        slots = Arrays.copyOf(slots, 2 * Math.max(documents, slots.length));
      }
      int[] languageOf = languages.elements();
      for (int d = languagesCopied; d < documents; d++) {
        slots[2 * d] = languageOf[d] & LANGUAGE_MASK;
      }
      languagesCopied = documents;
    }

    void touch(int document) {
      if (touchedCount == touched.length) {
        touched = Arrays.copyOf(touched, touchedCount * 2);
      }
      touched[touchedCount++] = document;
    }
  }

  /**
   * Puts the keys of {@code all} a query reads into {@code accumulator.rare}, with their posting
   * lists (or {@code null}) in {@code accumulator.rareLists}, and returns how many: every key when
   * there are at most {@value #KEYS_PER_QUERY}, else the {@value #KEYS_PER_QUERY} rarest. The lists
   * found while ranking the keys are handed on, so the keys read are not looked up again.
   */
  private int rarest(long[] all, int exclude, boolean ownKeys, Accumulator accumulator) {
    long[] rare = accumulator.rare;
    IntArrayList[] lists = accumulator.rareLists;
    if (all.length <= KEYS_PER_QUERY) {
      for (int i = 0; i < all.length; i++) {
        rare[i] = all[i];
        lists[i] = postingsOf(all[i]);
      }
      return all.length;
    }
    // Sort (frequency, index) packed into one long: no boxing on a path run for every document.
    // Keys seen only in the query itself are useless; they sort last. When the query is the
    // excluded document's own profile, every one of its keys lists that document: searching each
    // list for it (every key of the text, not only the rarest) was most of this method's time.
    if (accumulator.order.length < all.length) {
      int grown = Math.max(all.length, 2 * accumulator.order.length);
      accumulator.order = new long[grown];
      accumulator.found = new IntArrayList[grown];
    }
    long[] order = accumulator.order;
    IntArrayList[] found = accumulator.found;
    for (int i = 0; i < all.length; i++) {
      IntArrayList list = postingsOf(all[i]);
      found[i] = list;
      int frequency = list == null ? 0 : list.size();
      if (list != null
          && exclude >= 0
          && (ownKeys || Arrays.binarySearch(list.elements(), 0, list.size(), exclude) >= 0)) {
        frequency--;
      }
      long rank = frequency == 0 ? Integer.MAX_VALUE : frequency;
      order[i] = (rank << 32) | i;
    }
    // Only the first KEYS_PER_QUERY in that order are read: select them, then sort those alone
    // (sorting every key of a long text was a sixth of the ranking's time).
    selectSmallest(order, all.length, KEYS_PER_QUERY);
    Arrays.sort(order, 0, KEYS_PER_QUERY);
    for (int i = 0; i < KEYS_PER_QUERY; i++) {
      rare[i] = all[(int) order[i]];
      lists[i] = found[(int) order[i]];
    }
    return KEYS_PER_QUERY;
  }

  /**
   * Moves the {@code count} smallest of the distinct {@code values} to its front, in no particular
   * order (Hoare's quickselect with a median-of-three pivot); {@code 0 < count < values.length}.
   */
  static void selectSmallest(long[] values, int count) {
    selectSmallest(values, values.length, count);
  }

  /** {@link #selectSmallest(long[], int)} on the first {@code length} of {@code values}. */
  private static void selectSmallest(long[] values, int length, int count) {
    int low = 0;
    int high = length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      long pivot =
          Math.max(
              Math.min(values[low], values[middle]),
              Math.min(Math.max(values[low], values[middle]), values[high]));
      int i = low;
      int j = high;
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long swap = values[i];
          values[i] = values[j];
          values[j] = swap;
          i++;
          j--;
        }
      }
      // Now values[low..j] <= pivot <= values[i..high]; anything between equals the pivot.
      if (count - 1 <= j) {
        high = j;
      } else if (count - 1 >= i) {
        low = i;
      } else {
        return;
      }
    }
  }
}
