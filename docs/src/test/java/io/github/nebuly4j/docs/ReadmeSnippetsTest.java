package io.github.nebuly4j.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps every Java snippet of the project's READMEs compiled, the way Azure's SDK does with its
 * {@code ReadmeSamples}: a Java block of a README is preceded by {@code <!-- snippet: NAME -->}
 * and is, line for line, the region {@code // BEGIN: NAME} … {@code // END: NAME} of a Java file
 * in some module's test sources ({@code src/test/java}), which that module's build compiles: a
 * {@code ReadmeSamples} class for fragments, a class of its own in a {@code readme} package for a
 * sample that is a whole class.
 *
 * <p>To change a snippet, change the region and run this test with {@code
 * -Dreadme.snippets.update=true}: it writes the regions into the READMEs instead of failing.
 */
class ReadmeSnippetsTest {
  private static final Pattern BLOCK =
      Pattern.compile("(?m)^<!-- snippet: ([\\w.-]+) -->\\n```java\\n(.*?)^```$", Pattern.DOTALL);
  private static final Pattern ANY_JAVA_BLOCK = Pattern.compile("(?m)^```java$");
  private static final Pattern REGION =
      Pattern.compile("(?m)^[ \\t]*// BEGIN: ([\\w.-]+)\\n(.*?)^[ \\t]*// END: \\1$", Pattern.DOTALL);

  private static Path repository;
  private static Map<String, String> regions;
  private static List<Path> readmes;

  @BeforeAll
  static void readTheRepository() throws IOException {
    repository = Path.of(System.getProperty("nebuly4j.repository", "..")).toRealPath();
    regions = new LinkedHashMap<>();
    for (Path samples : testSources()) {
      Matcher region = REGION.matcher(read(samples));
      while (region.find()) {
        String previous = regions.put(region.group(1), dedent(region.group(2)));
        assertThat(previous).as("region %s is defined twice (again in %s)", region.group(1), samples).isNull();
      }
    }
    readmes = files("README.md");
  }

  @Test
  void theSamplesAndTheReadmesAreFound() {
    assertThat(regions).as("regions of test sources").isNotEmpty();
    assertThat(readmes).contains(repository.resolve("README.md"));
  }

  @Test
  void everyJavaBlockOfAReadmeIsANamedSnippet() {
    List<String> unnamed = new ArrayList<>();
    for (Path readme : readmes) {
      String text = read(readme);
      long javaBlocks = ANY_JAVA_BLOCK.matcher(text).results().count();
      long snippets = BLOCK.matcher(text).results().count();
      if (javaBlocks != snippets) {
        unnamed.add(repository.relativize(readme) + ": " + (javaBlocks - snippets) + " Java block(s) without <!-- snippet: NAME -->");
      }
    }
    assertThat(unnamed).isEmpty();
  }

  @Test
  void everySnippetIsItsCompiledRegion() throws IOException {
    boolean update = Boolean.getBoolean("readme.snippets.update");
    List<String> problems = new ArrayList<>();
    for (Path readme : readmes) {
      String text = read(readme);
      Matcher block = BLOCK.matcher(text);
      StringBuilder updated = new StringBuilder();
      while (block.find()) {
        String name = block.group(1);
        String region = regions.get(name);
        if (region == null) {
          problems.add(repository.relativize(readme) + ": snippet " + name + " has no region in any test source");
          block.appendReplacement(updated, Matcher.quoteReplacement(block.group()));
        } else {
          if (!region.equals(block.group(2))) {
            problems.add(repository.relativize(readme) + ": snippet " + name + " differs from its region");
          }
          block.appendReplacement(
              updated, Matcher.quoteReplacement("<!-- snippet: " + name + " -->\n```java\n" + region + "```"));
        }
      }
      block.appendTail(updated);
      if (update && !updated.toString().equals(text)) {
        Files.writeString(readme, updated.toString(), StandardCharsets.UTF_8);
      }
    }
    if (!update) {
      assertThat(problems).as("run with -Dreadme.snippets.update=true to copy the regions into the READMEs").isEmpty();
    }
  }

  @Test
  void everyRegionIsShownSomewhere() {
    String allReadmes = readmes.stream().map(ReadmeSnippetsTest::read).collect(Collectors.joining("\n"));
    List<String> unused =
        regions.keySet().stream().filter(name -> !allReadmes.contains("<!-- snippet: " + name + " -->")).toList();
    assertThat(unused).as("regions no README shows (dead samples)").isEmpty();
  }

  /** The region's lines without their common indentation, each ending with a newline. */
  static String dedent(String region) {
    List<String> lines = region.lines().toList();
    int indent =
        lines.stream().filter(line -> !line.isBlank()).mapToInt(ReadmeSnippetsTest::indentation).min().orElse(0);
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
    }
    return text.toString();
  }

  private static int indentation(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** The Java files of every module's test sources. */
  private static List<Path> testSources() throws IOException {
    try (Stream<Path> walk = Files.walk(repository)) {
      return walk.filter(path -> path.toString().endsWith(".java"))
          .filter(path -> repository.relativize(path).toString().replace('\\', '/').contains("src/test/java/"))
          .filter(ReadmeSnippetsTest::isSource)
          .sorted()
          .toList();
    }
  }

  private static List<Path> files(String name) throws IOException {
    try (Stream<Path> walk = Files.walk(repository)) {
      return walk.filter(path -> path.getFileName().toString().equals(name))
          .filter(ReadmeSnippetsTest::isSource)
          .sorted()
          .toList();
    }
  }

  private static boolean isSource(Path path) {
    for (Path part : repository.relativize(path)) {
      String segment = part.toString();
      if (segment.equals("target") || segment.startsWith(".")) {
        return false;
      }
    }
    return true;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
