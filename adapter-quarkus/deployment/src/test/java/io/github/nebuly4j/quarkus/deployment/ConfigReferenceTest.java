package io.github.nebuly4j.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference of {@code adapter-quarkus/README.md} is the Javadoc of the
 * configuration mapping: Quarkus's extension processor writes the runtime module's configuration
 * model (its {@code quarkus-config-doc} output), and this test renders it as the README's table,
 * failing when they differ. {@code -Dnebuly4j.config-reference.write=true} writes the table
 * instead. (Quarkus's own renderer, quarkus-config-doc-maven-plugin, is not available to this
 * build.)
 */
class ConfigReferenceTest {
  private static final Path MODEL = Path.of("..", "runtime", "target", "quarkus-config-doc");
  private static final Path README = Path.of("..", "README.md");
  private static final String START = "<!-- config-reference:start";
  private static final String END = "<!-- config-reference:end -->";
  private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|value) ([^}]*)}");

  @Test
  void theReadmeHoldsTheReferenceOfTheJavadoc() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    assertThat(start).as("the README marks where the reference goes").isNotNegative();
    assertThat(end).isGreaterThan(start);
    int tableStart = readme.indexOf('\n', start) + 1;
    String rendered = render();

    if (Boolean.getBoolean("nebuly4j.config-reference.write")) {
      Files.writeString(README, readme.substring(0, tableStart) + rendered + readme.substring(end), StandardCharsets.UTF_8);
      return;
    }
    assertThat(readme.substring(tableStart, end))
        .as("the README's reference; run this test with -Dnebuly4j.config-reference.write=true to write it")
        .isEqualTo(rendered);
  }

  private static String render() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode model = yaml.readTree(MODEL.resolve("quarkus-config-model.yaml").toFile());
    JsonNode javadoc = yaml.readTree(MODEL.resolve("quarkus-config-javadoc.yaml").toFile()).get("elements");
    List<JsonNode> properties = new ArrayList<>();
    model.get("configRoots").forEach(root -> root.get("items").forEach(properties::add));
    properties.sort(Comparator.comparing(property -> property.get("path").get("property").asText()));
    StringBuilder table =
        new StringBuilder("| property | type | default | description |\n| --- | --- | --- | --- |\n");
    for (JsonNode property : properties) {
      String name = property.get("path").get("property").asText();
      String environment = property.get("path").get("environmentVariable").asText();
      boolean buildTime = property.get("phase").asText().startsWith("BUILD");
      JsonNode doc = javadoc.get(property.get("sourceType").asText() + "." + property.get("sourceElementName").asText());
      table
          .append("| `")
          .append(name)
          .append("`<br>`")
          .append(environment)
          .append("`")
          .append(buildTime ? " (build time)" : "")
          .append(" | ")
          .append(property.get("typeDescription").asText())
          .append(" | ")
          .append(property.hasNonNull("defaultValue") ? "`" + property.get("defaultValue").asText() + "`" : "")
          .append(" | ")
          .append(doc == null ? "" : markdown(doc.get("description").asText()))
          .append(" |\n");
    }
    return table.toString();
  }

  private static String markdown(String javadoc) {
    Matcher tags = INLINE_TAG.matcher(javadoc.replace('\n', ' '));
    StringBuilder text = new StringBuilder();
    while (tags.find()) {
      tags.appendReplacement(text, Matcher.quoteReplacement("`" + tags.group(1).strip() + "`"));
    }
    tags.appendTail(text);
    return text.toString().replaceAll(" +", " ").replace("|", "\\|").strip();
  }
}
