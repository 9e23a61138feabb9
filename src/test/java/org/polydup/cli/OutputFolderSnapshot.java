package org.polydup.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files of a folder and their bytes, for tests that a run left it as it was. */
final class OutputFolderSnapshot {
  private OutputFolderSnapshot() {}

  /** Each file's name and its bytes (as ISO-8859-1, one char per byte, so compared exactly). */
  static Map<String, String> of(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> listed = Files.list(folder)) {
      for (Path file : (Iterable<Path>) listed::iterator) {
        files.put(
            file.getFileName().toString(),
            Files.isDirectory(file)
                ? "(a folder)"
                : new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  /** The names of the files in {@code folder} that are temporaries of a run ({@code .part}). */
  static String temporaries(Path folder) throws IOException {
    StringBuilder found = new StringBuilder();
    try (Stream<Path> listed = Files.list(folder)) {
      listed
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".part"))
          .forEach(name -> found.append(name).append(' '));
    }
    return found.toString().trim();
  }
}
