package org.polydup;

import java.nio.file.Path;
import java.util.AbstractList;

/**
 * Saves an archive (to the file named by the first argument) whose second document never comes:
 * once the first is written it is {@link BlockedProcess blocked}, waiting to be killed.
 */
final class SaveBlockedWhileWriting {
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
              BlockedProcess.announceAndWait();
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
