package org.polydup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code polydup} at the repository root, run by bash in a copy of the
 * repository's layout whose PATH holds a stand-in {@code java} (it prints its arguments, one a
 * line) and no {@code mvn}, so what the script decides is seen without building or starting a JVM.
 */
class LauncherTest {
  private static final String JAR = "target/polydup-0.1.0-SNAPSHOT-cli.jar";

  @TempDir Path root;

  /** What the launcher printed and its exit code. */
  private record Ran(int code, List<String> javaArguments, String stderr) {}

  @BeforeEach
  void copyTheLauncher() throws IOException {
    Path script = root.resolve("polydup");
    Files.copy(Path.of("polydup"), script);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Files.createDirectories(root.resolve("src/main/java"));
    Files.writeString(root.resolve("src/main/java/A.java"), "class A {}");
    Path bin = Files.createDirectories(root.resolve("bin"));
    for (String tool : List.of("bash", "dirname", "find")) {
      Optional<Path> found = onPath(tool);
      assumeTrue(found.isPresent(), tool + " is needed to run the launcher");
      Files.createSymbolicLink(bin.resolve(tool), found.get());
    }
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** A jar modified {@code seconds} from now: newer than the sources when positive. */
  private Path jar(long seconds) throws IOException {
    Path jar = root.resolve(JAR);
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(seconds)));
    return jar;
  }

  /** A jar newer than the sources: nothing to build. */
  private void freshJar() throws IOException {
    jar(3600);
  }

  @Test
  void defaultCollector_isParallel() throws Exception {
    freshJar();
    Ran ran = launch(Map.of());
    assertEquals(0, ran.code(), ran.stderr());
    assertTrue(ran.javaArguments().contains("-XX:+UseParallelGC"), ran.toString());
    assertEquals(List.of("-jar", root.resolve(JAR).toString(), "--version"), lastThree(ran));
  }

  @Test
  void aCollectorInJavaOpts_replacesTheDefault_forTheJvmRefusesTwo() throws Exception {
    freshJar();
    for (String collector : List.of("-XX:+UseG1GC", "-XX:+UseSerialGC", "-XX:+UseZGC")) {
      Ran ran = launch(Map.of("JAVA_OPTS", "-Xmx1g " + collector));
      assertTrue(ran.javaArguments().contains(collector), ran.toString());
      assertFalse(ran.javaArguments().contains("-XX:+UseParallelGC"), ran.toString());
    }
    Ran tool = launch(Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseG1GC"));
    assertFalse(tool.javaArguments().contains("-XX:+UseParallelGC"), tool.toString());
    // A flag that only names a collector's tuning is not a choice of collector.
    Ran tuning = launch(Map.of("JAVA_OPTS", "-XX:+UseAdaptiveSizePolicyWithSystemGC"));
    assertTrue(tuning.javaArguments().contains("-XX:+UseParallelGC"), tuning.toString());
  }

  @Test
  void javaOpts_comeAfterTheDefaults_soTheyWin() throws Exception {
    freshJar();
    Ran ran = launch(Map.of("JAVA_OPTS", "-XX:MaxRAMPercentage=25 -XX:PerMethodTrapLimit=100"));
    List<String> args = ran.javaArguments();
    assertTrue(
        args.indexOf("-XX:MaxRAMPercentage=25") > args.indexOf("-XX:MaxRAMPercentage=50"),
        "" + args);
    assertTrue(
        args.indexOf("-XX:PerMethodTrapLimit=100") > args.indexOf("-XX:PerMethodTrapLimit=0"),
        "" + args);
  }

  @Test
  void sourcesNewerThanTheJar_withoutMaven_warnAndRunTheJar() throws Exception {
    Path jar = jar(-3600);
    Ran ran = launch(Map.of());
    assertEquals(0, ran.code(), ran.toString());
    assertTrue(ran.stderr().contains("warning: the sources are newer"), ran.stderr());
    assertTrue(ran.stderr().contains("Maven (mvn) is not on PATH"), ran.stderr());
    assertFalse(ran.stderr().contains("command not found"), ran.stderr());
    assertEquals(List.of("-jar", jar.toString(), "--version"), lastThree(ran));
  }

  @Test
  void noJar_withoutMaven_isAnErrorNamingMaven() throws Exception {
    Ran ran = launch(Map.of());
    assertEquals(1, ran.code(), ran.toString());
    assertTrue(
        ran.stderr().contains("does not exist and Maven (mvn) is not on PATH"), ran.stderr());
    assertFalse(ran.stderr().contains("command not found"), ran.stderr());
    assertEquals(List.of(), ran.javaArguments(), "java is not started");
  }

  @Test
  void stderrRedirected_tellsTheJvmStderrIsNoTerminal() throws Exception {
    freshJar();
    Ran ran = launch(Map.of());
    assertTrue(ran.javaArguments().contains("-Dpolydup.stderrIsTerminal=false"), ran.toString());
  }

  /**
   * Under {@code script}, which gives the launcher a terminal on stdin, stdout and stderr: the
   * property follows stderr alone, where {@code System.console()} follows stdin and stdout.
   */
  @Test
  void underATerminal_thePropertyFollowsStderr_notStdout() throws Exception {
    Optional<Path> script = onPath("script");
    assumeTrue(script.isPresent(), "script (util-linux) is needed to give the launcher a terminal");
    freshJar();
    String launcher = root.resolve("bin/bash") + " " + root.resolve("polydup") + " --version";
    Path arguments = root.resolve("arguments");

    // stdout to a file, stderr the terminal: the bar belongs on the terminal.
    underScript(script.get(), launcher + " >" + arguments);
    List<String> toFile = Files.readAllLines(arguments, StandardCharsets.UTF_8);
    assertTrue(toFile.contains("-Dpolydup.stderrIsTerminal=true"), "" + toFile);

    // stdout the terminal, stderr to a file: no carriage returns in the file.
    String onTerminal = underScript(script.get(), launcher + " 2>" + root.resolve("err"));
    assertTrue(onTerminal.contains("-Dpolydup.stderrIsTerminal=false\r\n"), onTerminal);
  }

  /** Runs {@code command} under {@code script}; returns what it wrote on the terminal. */
  private String underScript(Path script, String command) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(script.toString(), "-qec", command, "/dev/null")
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("PATH", root.resolve("bin").toString());
    Process process = builder.start();
    String terminal = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "script finished");
    assertEquals(0, process.exitValue(), terminal);
    return terminal;
  }

  private Ran launch(Map<String, String> environment) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            root.resolve("bin/bash").toString(), root.resolve("polydup").toString(), "--version");
    builder.environment().clear();
    builder.environment().put("PATH", root.resolve("bin").toString());
    builder.environment().putAll(environment);
    Path out = root.resolve("stdout");
    Path err = root.resolve("stderr");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher finished");
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    List<String> arguments =
        stdout.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(stdout.split("\n")));
    return new Ran(process.exitValue(), arguments, Files.readString(err, StandardCharsets.UTF_8));
  }

  private static List<String> lastThree(Ran ran) {
    List<String> args = ran.javaArguments();
    return args.subList(Math.max(0, args.size() - 3), args.size());
  }

  /** The first executable {@code tool} on the PATH, if any. */
  static Optional<Path> onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .map(dir -> Path.of(dir, tool))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
