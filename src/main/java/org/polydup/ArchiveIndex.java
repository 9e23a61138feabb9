package org.polydup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.polydup.align.extract.EntityProfile;
import org.polydup.internal.Utf16;

/**
 * The documents of a {@link PersistentDetector}, kept in a Lucene index on disk: what {@link
 * ArchiveFile} holds (id, language, text, entities), but written one document at a time and made
 * durable by {@link #commit()}, so a newsroom adds each day's stories and removes old ones without
 * rewriting the archive, and a crash loses only what was not committed.
 *
 * <p>Lucene is used as a store, not for search: the in-memory index answers queries, and is built
 * from the stored documents when the archive is opened. Each document's add number is stored too,
 * so the documents come back in the order they were added (merges may reorder Lucene's documents),
 * and a detector opened from the archive answers as the one that wrote it.
 *
 * <p>The commit's user data names the format version and the settings the stored data depends on,
 * as {@link ArchiveFile}'s header does; a detector with other settings refuses the archive. One
 * process at a time may open an archive (Lucene's write lock). Not thread-safe by itself: the
 * detector calls it under its write lock.
 */
final class ArchiveIndex implements Closeable {
  private static final String FORMAT = "polydup.format";
  private static final String SETTINGS = "polydup.settings";
  private static final String ID = "id";
  private static final String SEQUENCE = "seq";
  private static final String LANGUAGE = "lang";
  private static final String TEXT = "text";
  private static final String TEXT_UTF16 = "text16";
  private static final String ENTITIES = "entities";

  private final Path directory;
  private final Configuration configuration;
  private final Directory store;
  private final IndexWriter writer;
  private long nextSequence;

  private ArchiveIndex(
      Path directory, Configuration configuration, Directory store, IndexWriter writer) {
    this.directory = directory;
    this.configuration = configuration;
    this.store = store;
    this.writer = writer;
  }

  /**
   * Opens the archive in {@code directory}, creating it (and the folder) when there is none.
   *
   * @throws IncompatibleDataException when the folder holds another archive format, an archive
   *     written with other settings, something that is not a polydup archive, or a corrupt index
   * @throws IOException when it cannot be read or another process has it open
   */
  static ArchiveIndex open(Path directory, Configuration configuration) throws IOException {
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new IOException(directory + " is a file, not a folder");
    }
    Files.createDirectories(directory);
    Directory store = FSDirectory.open(directory);
    try {
      boolean exists = DirectoryReader.indexExists(store);
      if (exists) {
        check(directory, SegmentInfos.readLatestCommit(store).getUserData(), configuration);
      } else if (hasFiles(directory)) {
        throw new IncompatibleDataException(
            directory + " is not empty and holds no polydup archive");
      }
      IndexWriterConfig config =
          new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      IndexWriter writer = new IndexWriter(store, config);
      ArchiveIndex archive = new ArchiveIndex(directory, configuration, store, writer);
      if (!exists) {
        try {
          archive.commit(); // an empty archive that names its settings
        } catch (Throwable e) {
          try {
            writer.rollback(); // releases the write lock
          } catch (Throwable suppressed) {
            e.addSuppressed(suppressed);
          }
          throw e;
        }
      }
      return archive;
    } catch (LockObtainFailedException e) {
      store.close();
      throw new IOException(
          directory + " is open already (by another process, or another detector in this one)", e);
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      store.close();
      throw new IncompatibleDataException(directory + " is corrupt: " + e.getMessage(), e);
    } catch (Throwable e) {
      try {
        store.close();
      } catch (Throwable suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Whether the folder holds anything but Lucene's lock file, which a process that died while
   * creating the archive leaves behind.
   */
  private static boolean hasFiles(Path directory) throws IOException {
    try (var entries = Files.list(directory)) {
      return entries.anyMatch(f -> !f.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME));
    }
  }

  /**
   * The longest id the archive stores, in characters: Lucene indexes at most 32,766 bytes per term,
   * and ids are indexed as UTF-16 (two bytes a character) so that every Java string, a lone
   * surrogate too, is kept exactly.
   */
  static final int MAXIMUM_ID_LENGTH = IndexWriter.MAX_TERM_LENGTH / 2;

  private static void check(Path directory, Map<String, String> data, Configuration c)
      throws IncompatibleDataException {
    String format = data.get(FORMAT);
    if (format == null) {
      throw new IncompatibleDataException(
          directory + " holds a Lucene index, not a polydup archive");
    }
    ArchiveFile.requireCompatible(directory, format, data.get(SETTINGS), c);
  }

  /** The committed documents, in the order they were added. */
  List<ArchiveFile.Entry> read() throws IOException {
    record Numbered(long sequence, ArchiveFile.Entry entry) {}
    List<Numbered> numbered = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader segment = leaf.reader();
        // Lucene checks a segment's checksums only when asked: without this a flipped bit in the
        // stored fields loaded as a silently different text, or failed deep in the decompressor.
        segment.checkIntegrity();
        Bits live = segment.getLiveDocs();
        StoredFields fields = segment.storedFields();
        for (int doc = 0; doc < segment.maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          org.apache.lucene.document.Document stored = fields.document(doc);
          long sequence = stored.getField(SEQUENCE).numericValue().longValue();
          String id = utf16(stored.getBinaryValue(ID));
          String language = stored.get(LANGUAGE);
          String text = stored.get(TEXT);
          if (text == null) {
            text = utf16(stored.getBinaryValue(TEXT_UTF16));
          }
          EntityProfile entities = null;
          if (configuration.crossLanguage()) {
            BytesRef bytes = stored.getBinaryValue(ENTITIES);
            try (DataInputStream in =
                new DataInputStream(
                    new ByteArrayInputStream(bytes.bytes, bytes.offset, bytes.length))) {
              entities = EntityProfile.readEntities(in, language, text);
            }
          }
          numbered.add(new Numbered(sequence, new ArchiveFile.Entry(id, language, text, entities)));
          nextSequence = Math.max(nextSequence, sequence + 1);
        }
      }
    } catch (CorruptIndexException e) {
      throw new IncompatibleDataException(directory + " is corrupt: " + e.getMessage(), e);
    } catch (java.io.EOFException | java.io.UTFDataFormatException | RuntimeException e) {
      // A codec reading damaged bytes that passed the checksums throws whatever it trips over
      // (ArrayIndexOutOfBoundsException from the LZ4 decompressor, among others).
      throw new IncompatibleDataException(
          directory + " holds a document polydup cannot read: " + e, e);
    }
    numbered.sort(Comparator.comparingLong(Numbered::sequence));
    List<ArchiveFile.Entry> entries = new ArrayList<>(numbered.size());
    for (Numbered n : numbered) {
      entries.add(n.entry());
    }
    return entries;
  }

  /** Stores a document; durable at the next {@link #commit()}. */
  void add(ArchiveFile.Entry entry) throws IOException {
    org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
    BytesRef id = new BytesRef(utf16(entry.id()));
    doc.add(new StringField(ID, id, Field.Store.NO));
    doc.add(new StoredField(ID, id));
    doc.add(new StoredField(SEQUENCE, nextSequence++));
    doc.add(new StoredField(LANGUAGE, entry.language()));
    // Lucene stores a string as UTF-8, which cannot hold a lone surrogate: such a text is stored as
    // its UTF-16 code units instead, so that any Java string comes back equal.
    if (Utf16.isWellFormed(entry.text())) {
      doc.add(new StoredField(TEXT, entry.text()));
    } else {
      doc.add(new StoredField(TEXT_UTF16, utf16(entry.text())));
    }
    if (configuration.crossLanguage()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        entry.entities().writeEntities(out);
      }
      doc.add(new StoredField(ENTITIES, bytes.toByteArray()));
    }
    writer.addDocument(doc);
  }

  /** Deletes a document; durable at the next {@link #commit()}. */
  void remove(String id) throws IOException {
    writer.deleteDocuments(new Term(ID, new BytesRef(utf16(id))));
  }

  /** Makes every add and remove so far durable, at once: a crash keeps all of them or none. */
  void commit() throws IOException {
    writer.setLiveCommitData(
        Map.of(
                FORMAT,
                Integer.toString(ArchiveFile.FORMAT_VERSION),
                SETTINGS,
                ArchiveFile.settings(configuration))
            .entrySet());
    writer.commit();
  }

  /** Drops what was not committed, then releases the archive. */
  void rollback() throws IOException {
    try {
      writer.rollback();
    } finally {
      store.close();
    }
  }

  /**
   * Commits, then releases the archive. If the commit fails, what was not committed is dropped and
   * the archive is released all the same.
   */
  @Override
  public void close() throws IOException {
    try {
      commit();
      writer.close();
    } catch (IOException | RuntimeException e) {
      writer.rollback(); // releases the write lock
      throw e;
    } finally {
      store.close();
    }
  }

  private static byte[] utf16(String text) {
    ByteBuffer bytes = ByteBuffer.allocate(2 * text.length());
    bytes.asCharBuffer().put(text);
    return bytes.array();
  }

  private static String utf16(BytesRef bytes) {
    return ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).asCharBuffer().toString();
  }
}
