package org.polydup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accented file names under a locale whose character set is not UTF-8 ({@code LC_ALL=C}): Java
 * decodes file names with the locale's character set, so café.txt and cafè.txt would both be "caf"
 * and two U+FFFD. The launcher runs in a copy of the repository's layout whose {@code java} is a
 * stand-in that starts this JVM's java on the test classes' class path, so the real command runs
 * without building the jar.
 */
class FileNameEncodingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> NAMES = List.of("café", "cafè");

  @TempDir Path root;
  private Path stories;

  @BeforeEach
  void writeStories() throws IOException {
    assumeTrue(
        "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
        "the test JVM must write the accented names in UTF-8");
    stories = Files.createDirectories(root.resolve("stories"));
    Files.writeString(
        stories.resolve(NAMES.get(0) + ".txt"),
        "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss im Süden der Stadt.");
    Files.writeString(
        stories.resolve(NAMES.get(1) + ".txt"),
        "La municipalité a annoncé un nouveau budget pour les écoles et les bibliothèques du nord.");
  }

  @Test
  void theLauncher_underLcAllC_keepsBothAccentedIds() throws Exception {
    Optional<Path> locale = LauncherTest.onPath("locale");
    assumeTrue(locale.isPresent(), "locale is needed to see the character set");
    assumeTrue(
        "UTF-8".equals(output(List.of(locale.get().toString(), "charmap"), "C.UTF-8").strip()),
        "the C.UTF-8 locale is not installed");
    Path bin = launcherLayout(locale.get());
    Path out = root.resolve("out");

    String printed =
        output(
            List.of(
                bin.resolve("bash").toString(),
                root.resolve("polydup").toString(),
                "dedup",
                stories.toString(),
                "--out",
                out.toString()),
            "C");

    assertEquals(Set.copyOf(NAMES), ids(out.resolve("kept.jsonl")), printed);
  }

  @Test
  void javaUnderLcAllC_saysTheFileNameEncodingIsTheCause_ofTheDuplicateId() throws Exception {
    Path out = root.resolve("out");
    String printed =
        output(
            List.of(
                java(),
                "-cp",
                classPath(),
                Main.class.getName(),
                "scan",
                stories.toString(),
                "--out",
                out.toString()),
            "C");
    String problems = Files.readString(out.resolve("problems.jsonl"), StandardCharsets.UTF_8);
    assumeTrue(!problems.isEmpty(), "this platform decoded both names: " + printed);
    assertTrue(problems.contains("duplicate id"), problems);
    assertTrue(problems.contains("sun.jnu.encoding="), problems);
    assertTrue(problems.contains("LC_ALL=C.UTF-8"), problems);
  }

  /**
   * Only the ASCII fallback (C, POSIX) is switched to UTF-8: a real locale of another character set
   * names its files in that set, and Java decodes them right under it. Stand-ins for locale
   * (answering with the charmap given) and java (printing the locale variables it got).
   */
  @Test
  void theLauncher_switchesOnlyTheAsciiFallback_notALatin1Locale() throws Exception {
    for (String[] run :
        new String[][] {
          {"ISO-8859-1", "LC_ALL=de_DE.ISO-8859-1 LC_CTYPE="},
          {"ANSI_X3.4-1968", "LC_ALL=C.UTF-8 LC_CTYPE="}
        }) {
      Path bin = launcherLayout(LauncherTest.onPath("locale").orElse(Path.of("/usr/bin/locale")));
      Files.delete(bin.resolve("locale"));
      Files.writeString(
          bin.resolve("locale"),
          "#!/bin/sh\n"
              + "if [ \"$LC_ALL\" = C.UTF-8 ]; then echo UTF-8; else echo "
              + run[0]
              + "; fi\n");
      Files.delete(bin.resolve("java"));
      Files.writeString(
          bin.resolve("java"), "#!/bin/sh\necho \"LC_ALL=$LC_ALL LC_CTYPE=$LC_CTYPE\"\n");
      for (String tool : List.of("locale", "java")) {
        Files.setPosixFilePermissions(
            bin.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      String printed =
          output(
              List.of(bin.resolve("bash").toString(), root.resolve("polydup").toString()),
              "de_DE.ISO-8859-1");
      // Its last line: bash warns first where de_DE.ISO-8859-1 is not installed.
      String[] lines = printed.strip().split("\n");
      assertEquals(run[1], lines[lines.length - 1], run[0] + ": " + printed);
      cleanLayout();
    }
  }

  /** Removes what {@link #launcherLayout} made, so that it can be made again. */
  private void cleanLayout() throws IOException {
    for (String name : List.of("polydup", "pom.xml")) {
      Files.deleteIfExists(root.resolve(name));
    }
    try (var files = Files.walk(root.resolve("bin"))) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  /** The launcher's layout, with a fresh jar and a stand-in java; returns the bin folder. */
  private Path launcherLayout(Path locale) throws IOException {
    Path script = root.resolve("polydup");
    Files.copy(Path.of("polydup"), script);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Files.createDirectories(root.resolve("src/main/java"));
    Path jar = root.resolve("target/polydup-0.1.0-SNAPSHOT-cli.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(3600)));
    Path bin = Files.createDirectories(root.resolve("bin"));
    for (String tool : List.of("bash", "dirname", "find")) {
      Optional<Path> found = LauncherTest.onPath(tool);
      assumeTrue(found.isPresent(), tool + " is needed to run the launcher");
      Files.createSymbolicLink(bin.resolve(tool), found.get());
    }
    Files.createSymbolicLink(bin.resolve("locale"), locale);
    // Drops the launcher's JVM options and jar; runs Main on the test class path instead.
    Path java = bin.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\n"
            + "while [ \"$1\" != -jar ]; do shift; done\n"
            + "shift 2\n"
            + "exec '"
            + java()
            + "' -cp '"
            + classPath()
            + "' "
            + Main.class.getName()
            + " \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  /** Runs {@code command} with {@code LC_ALL} set and only bin on PATH; returns what it printed. */
  private String output(List<String> command, String lcAll) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("PATH", root.resolve("bin").toString());
    builder.environment().put("LC_ALL", lcAll);
    Process process = builder.start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished");
    return printed;
  }

  private static Set<String> ids(Path jsonl) throws IOException {
    Set<String> ids = new TreeSet<>();
    for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
      ids.add(JSON.readTree(line).get("id").asText());
    }
    return ids;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String classPath() {
    return System.getProperty("java.class.path");
  }
}
