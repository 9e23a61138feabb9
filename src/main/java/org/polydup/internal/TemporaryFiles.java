package org.polydup.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Temporary files written beside their final names, deleted unless moved into place: by {@link
 * #close()}, and by a shutdown hook when the JVM stops first (SIGTERM, SIGINT, {@code
 * System.exit}), so that an interrupted write leaves no {@code .part} file behind. A {@code
 * finally} block alone does not run on SIGTERM: a killed save left a temporary as large as the
 * archive. Nothing deletes them after SIGKILL or a power cut. Not public API.
 */
public final class TemporaryFiles implements AutoCloseable {
  private final Set<Path> files = new LinkedHashSet<>();
  private final Thread hook = new Thread(this::deleteAll, "polydup-temporary-files");

  /** Set once the temporaries are deleted for good: no new one may be created after. */
  private boolean ended;

  /** Registers the shutdown hook; {@link #close()} removes it. */
  public TemporaryFiles() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Creates {@code file}, which must not exist, and opens it for writing; it is deleted unless
   * {@link #moveAll moved} into place.
   *
   * @throws IOException when it cannot be created, or when the JVM is shutting down
   */
  public synchronized OutputStream create(Path file) throws IOException {
    if (ended) {
      // The hook ran (or close did): a file created now would outlive it.
      throw new IOException("not creating " + file + ": the run is ending");
    }
    OutputStream out =
        Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    files.add(file);
    return out;
  }

  /**
   * Moves each temporary (a key) to its final name (its value), replacing what is there; each move
   * is atomic where the file system can do it. All moves happen under one lock, so a shutdown hook
   * runs before or after all of them, never between two.
   *
   * @throws IOException when a final name is a folder (before any move), or when a move fails (the
   *     temporaries not yet moved are still deleted by {@link #close()})
   */
  public synchronized void moveAll(Map<Path, Path> moves) throws IOException {
    if (ended) {
      throw new IOException("not moving temporary files into place: the run is ending");
    }
    // A folder where a file goes fails its move, and the files moved before it would then sit
    // beside an earlier run's: checked for all before the first move.
    for (Path target : moves.values()) {
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileSystemException(target.toString(), null, "is a folder, not a file");
      }
    }
    for (Map.Entry<Path, Path> move : moves.entrySet()) {
      try {
        Files.move(move.getKey(), move.getValue(), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(move.getKey(), move.getValue(), StandardCopyOption.REPLACE_EXISTING);
      }
      files.remove(move.getKey());
    }
  }

  /** Deletes the temporaries not moved into place and removes the shutdown hook. */
  @Override
  public void close() {
    deleteAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down already: the hook has run or is running, and deletes them too.
    }
  }

  private synchronized void deleteAll() {
    ended = true;
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // Best effort: the others must still go, and the run's own failure is what to report.
      }
    }
    files.clear();
  }
}
