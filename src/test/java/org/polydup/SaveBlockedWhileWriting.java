package org.polydup;

import java.nio.file.Path;
import java.util.AbstractList;

/**
 * Saves an archive (to the file named by the first argument) whose second document never comes:
 * prints {@link #WRITING} once the first is written, and waits to be killed.
 */
final class SaveBlockedWhileWriting {
  static final String WRITING = "blocked while saving";

  private SaveBlockedWhileWriting() {}

  public static void main(String[] args) throws Exception {
    Configuration configuration =
        ((DefaultDetector) Polydup.builder().crossLanguage(false).build()).configuration();
    ArchiveFile.Entry first = new ArchiveFile.Entry("a", "en", "x".repeat(1 << 20), null);
    ArchiveFile.write(
        Path.of(args[0]),
        configuration,
        new AbstractList<>() {
          @Override
          public ArchiveFile.Entry get(int index) {
            if (index > 0) {
              System.out.println(WRITING);
              System.out.flush();
              try {
                Thread.sleep(Long.MAX_VALUE);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return first;
          }

          @Override
          public int size() {
            return 2;
          }
        });
  }
}
