package io.github.nebuly4j.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.testkit.demo.DemoConversation;
import io.github.nebuly4j.testkit.demo.DemoConversations;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens the start page and, from its list, a conversation's page in a real, headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}), checks what it shows, and keeps a screenshot in {@code
 * target/screenshots/conversation.png}.
 */
@QuarkusTest
class ConversationPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TestHTTPResource("/")
  URL root;

  @Inject
  DeepLinkResolver links;

  @Test
  void theStartPageListsTheDemoConversationsAndTheRiskyOneShowsItsInteractionsInOrderWithTheirDeepLinks() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail(
          "This test drives Debian's Chromium, which is not installed: run"
              + " `apt-get install -y chromium chromium-driver` (CI's .ci/run installs them).");
    }
    Conversation conversation =
        DemoConversations.all().stream()
            .map(demo -> demo.conversation())
            .filter(candidate -> candidate.interactions().stream().anyMatch(i -> i.typeOfRisk().isPresent()))
            .filter(candidate -> candidate.interactions().size() > 2)
            .findFirst()
            .orElseThrow();
    Path profile = Files.createTempDirectory("nebuly4j-chromium-");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile);
    ChromeDriver browser = new ChromeDriver(service, options);
    try {
      browser.manage().window().setSize(new Dimension(1280, 1900));
      // The start page lists the demo conversations, newest first, from the listing endpoint.
      browser.get(root.toString());
      URI base = root.toURI();
      List<String> newestFirst =
          DemoConversations.all().stream()
              .sorted(Comparator.comparing((DemoConversation demo) -> demo.conversation().startSession().orElseThrow()).reversed())
              .map(demo -> base.resolve("/conversations/" + demo.conversation().id().value()).toString())
              .toList();
      assertThat(browser.findElements(By.cssSelector("a.demo-link")))
          .extracting(row -> row.getAttribute("href"))
          .containsExactlyElementsOf(newestFirst);

      // Filtering by a topic of the conversation keeps it, and its row opens its page.
      String topic = conversation.interactions().get(0).topic().orElseThrow();
      browser.findElement(By.name("topic")).sendKeys(topic);
      browser.findElement(By.cssSelector(".filter-form button")).click();
      List<WebElement> filtered = browser.findElements(By.cssSelector("a.demo-link"));
      assertThat(browser.getCurrentUrl()).contains("topic=");
      assertThat(filtered)
          .as("the conversations with the topic %s", topic)
          .hasSize(
              (int)
                  DemoConversations.all().stream()
                      .filter(demo -> demo.conversation().interactions().stream().anyMatch(i -> i.topic().equals(Optional.of(topic))))
                      .count());
      filtered.stream()
          .filter(row -> row.getAttribute("href").endsWith("/conversations/" + conversation.id().value()))
          .findFirst()
          .orElseThrow()
          .click();
      assertThat(browser.getCurrentUrl()).isEqualTo(root.toURI().resolve("/conversations/" + conversation.id().value()).toString());

      List<WebElement> shown = browser.findElements(By.cssSelector("li.interaction"));
      assertThat(shown).hasSize(conversation.interactions().size());
      for (int i = 0; i < shown.size(); i++) {
        Interaction expected = conversation.interactions().get(i);
        WebElement item = shown.get(i);
        assertThat(item.getAttribute("data-interaction-id")).isEqualTo(expected.id().value());
        assertThat(item.findElement(By.cssSelector(".input")).getText()).isEqualTo(expected.input().orElseThrow());
        assertThat(item.findElement(By.cssSelector(".output")).getText()).isEqualTo(expected.output().orElseThrow());
        assertThat(item.getAttribute("class").contains("flagged")).isEqualTo(expected.hasIssue());
        Stream.of(expected.typeOfRisk(), expected.moderationIssue(), expected.businessIssue())
            .flatMap(Optional::stream)
            .forEach(issue -> assertThat(item.findElement(By.cssSelector(".issues")).getText()).contains(issue));
        String href = item.findElement(By.cssSelector("a.interaction-link")).getAttribute("href");
        assertThat(href).isEqualTo(root.toURI().resolve("/go/interaction/" + expected.id().value()).toString());
        assertThat(redirectOf(href))
            .isEqualTo(links.interactionLink(expected.id()).toCompletableFuture().get(5, TimeUnit.SECONDS).uri());
      }
      String conversationHref = browser.findElement(By.id("conversation-link")).getAttribute("href");
      assertThat(conversationHref).isEqualTo(root.toURI().resolve("/go/conversation/" + conversation.id().value()).toString());
      assertThat(redirectOf(conversationHref))
          .isEqualTo(links.conversationLink(conversation.id()).toCompletableFuture().get(5, TimeUnit.SECONDS).uri());
      assertThat(browser.findElement(By.id("conversation-id")).getText()).isEqualTo(conversation.id().value());
      assertThat(browser.findElement(By.id("cost")).getText())
          .isEqualTo(conversation.cost().orElseThrow().formatDollars());

      Path screenshot = Path.of("target", "screenshots", "conversation.png");
      Files.createDirectories(screenshot.getParent());
      File taken = browser.getScreenshotAs(OutputType.FILE);
      Files.copy(taken.toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
      assertThat(Files.size(screenshot)).isPositive();
    } finally {
      browser.quit();
      deleteRecursively(profile);
    }
  }

  /**
   * Where an "Open in Nebuly" link leads: the viewer's redirect, read without following it (the
   * browser would leave loopback for Nebuly).
   */
  private static URI redirectOf(String href) throws Exception {
    HttpResponse<Void> answer =
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(answer.statusCode()).as("the redirect of " + href).isEqualTo(303);
    return URI.create(answer.headers().firstValue("Location").orElseThrow());
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
