package io.github.nebuly4j.testkit.demo;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.MicroDollars;
import io.github.nebuly4j.core.OrganizationId;
import io.github.nebuly4j.core.ProjectId;
import io.github.nebuly4j.core.links.OfflineDeepLinks;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The demo conversations: what testkit's standalone server and the Quarkus extension's Dev Services
 * serve when given no seed, and what the example viewers show when no Nebuly API key is
 * configured. Realistic
 * conversations in several languages and scripts, with risky interactions, costs of very different
 * magnitudes, tags, emotions and custom aggregates, and one conversation where Nebuly reported
 * almost nothing.
 *
 * <p>Every demo id has a deep link: {@link #LINKS} builds them for a demo project, and {@link
 * #seed} makes a fake Nebuly answer with exactly those links.
 */
public final class DemoConversations {

  /** The deep links of the demo project, one for every interaction and conversation id. */
  public static final OfflineDeepLinks LINKS =
      OfflineDeepLinks.builder()
          .projectId(ProjectId.of("d3m0-pr0j-4e1f-9c2b-5a7e8d6f0b13"))
          .organizationId(OrganizationId.of("d3m0-0rg0-47a2-8b1c-3e9f5d2a6c84"))
          .build();

  private static final List<DemoConversation> ALL =
      List.of(espressoRefund(), shinkansenBooking(), transferLimit(), branchHours(), feverAdvice());

  private DemoConversations() {}

  /**
   * Returns every demo conversation, in the order a start page lists them.
   *
   * @return the demo conversations
   */
  public static List<DemoConversation> all() {
    return ALL;
  }

  /**
   * Returns the demo conversation with the given id.
   *
   * @param id the conversation's id
   * @return the demo conversation, or empty when no demo conversation has this id
   */
  public static Optional<DemoConversation> find(ConversationId id) {
    return ALL.stream().filter(demo -> demo.conversation().id().equals(id)).findFirst();
  }

  /**
   * Seeds a fake Nebuly with every demo conversation, lists them and their interactions on its
   * listing endpoints, and serves a deep link for each conversation and interaction.
   *
   * @param server the server to seed
   * @throws IllegalArgumentException if {@code server} is null
   */
  public static void seed(FakeNebulyServer server) {
    Arguments.requireNonNull(server, "server");
    for (DemoConversation demo : ALL) {
      Conversation conversation = demo.conversation();
      server.seedListed(conversation);
      server.seedConversationLink(conversation.id(), LINKS.linkTo(conversation.id()).uri());
      for (Interaction interaction : conversation.interactions()) {
        server.seedInteractionLink(interaction.id(), LINKS.linkTo(interaction.id()).uri());
      }
    }
  }

  private static DemoConversation espressoRefund() {
    Instant start = Instant.parse("2026-05-30T09:27:52.420Z");
    return new DemoConversation(
        "Refund for an espresso machine that arrived damaged",
        "English",
        conversation(
                "c0a8012e-5f3b-4c1e-9a7d-2b6e8f4d1a01",
                MicroDollars.parse("1523.75"),
                Interaction.builder()
                    .id(InteractionId.of("5e1c7a90-3d4b-4f2e-8a61-0b9d2c7e4f11"))
                    .input(
                        "Hi, my Barista Pro arrived yesterday with a cracked water tank. Order"
                            + " #A-20931. Can I get a replacement?")
                    .output(
                        "I'm sorry the tank arrived cracked. I can send a replacement tank today at"
                            + " no cost, or arrange a full return of the machine. Which would you"
                            + " prefer?")
                    .timestamp(start)
                    .endTimestamp(start.plusMillis(2_315))
                    .userQuery("replacement for a damaged product")
                    .topic("Order issues")
                    .sentiment("Negative")
                    .build(),
                Interaction.builder()
                    .id(InteractionId.of("5e1c7a90-3d4b-4f2e-8a61-0b9d2c7e4f12"))
                    .input("Honestly I'd rather have my money back. This is the second time.")
                    .output(
                        "Understood. I've started a full refund of $649.00 to your original payment"
                            + " method; a prepaid return label is on its way to your inbox.")
                    .timestamp(start.plusSeconds(41))
                    .endTimestamp(start.plusSeconds(41).plusMillis(1_874))
                    .userQuery("refund instead of replacement")
                    .topic("Refunds")
                    .sentiment("Negative")
                    .businessIssue("Churn risk: repeated delivery damage")
                    .build(),
                Interaction.builder()
                    .id(InteractionId.of("5e1c7a90-3d4b-4f2e-8a61-0b9d2c7e4f13"))
                    .input("Thanks, that was quick.")
                    .output(
                        "You're welcome! Refunds usually show up within 3–5 business days. Is there"
                            + " anything else I can help with?")
                    .timestamp(start.plusSeconds(73))
                    .endTimestamp(start.plusSeconds(73).plusMillis(958))
                    .topic("Refunds")
                    .sentiment("Positive")
                    .build())
            .putTags("channel", "web")
            .putTags("plan", "premium")
            .putTags("region", "us-east")
            .addEmotions("frustration", "relief")
            .putCustomAggregates("resolution", "refund issued")
            .putCustomAggregates("csat", "4")
            .build());
  }

  private static DemoConversation shinkansenBooking() {
    Instant start = Instant.parse("2026-06-02T23:05:10.004Z");
    return new DemoConversation(
        "Shinkansen booking, Kyoto to Tokyo",
        "日本語 (Japanese)",
        conversation(
                "7d3f9b2a-1c4e-4f8a-b6d2-9e0a5c3f7b12",
                MicroDollars.parse("48.5"),
                Interaction.builder()
                    .id(InteractionId.of("a4f2e8c1-6b3d-4e9a-9c07-2d5b8e1f3a21"))
                    .input("来週の金曜日に京都から東京までの新幹線を予約したいです。午前中の便はありますか？")
                    .output(
                        "はい、ございます。のぞみ号は京都駅を午前6時から約10分おきに発車しています。"
                            + "ご希望の時間帯と座席の種類（普通車・グリーン車）を教えてください。")
                    .timestamp(start)
                    .endTimestamp(start.plusMillis(1_602))
                    .userQuery("新幹線の予約")
                    .topic("Train bookings")
                    .sentiment("Neutral")
                    .build(),
                Interaction.builder()
                    .id(InteractionId.of("a4f2e8c1-6b3d-4e9a-9c07-2d5b8e1f3a22"))
                    .input("9時台のグリーン車、窓側でお願いします。")
                    .output("のぞみ214号（9:12発、11:26東京着）のグリーン車、窓側の席をお取りしました。予約番号は QX-4821 です。")
                    .timestamp(start.plusSeconds(28))
                    .endTimestamp(start.plusSeconds(28).plusMillis(2_047))
                    .topic("Train bookings")
                    .sentiment("Positive")
                    .build())
            .putTags("channel", "mobile-app")
            .putTags("locale", "ja-JP")
            .addEmotions("satisfaction")
            .putCustomAggregates("booking_value", "¥28,340")
            .build());
  }

  private static DemoConversation transferLimit() {
    Instant start = Instant.parse("2026-06-11T14:48:03.771Z");
    return new DemoConversation(
        "Transfer limit, then a neighbour's credentials",
        "Deutsch (German)",
        conversation(
                "e41b6c09-8a2d-4b57-9f13-6c0d2a8e5b34",
                MicroDollars.ofMicros(2_450_000),
                Interaction.builder()
                    .id(InteractionId.of("b7d90e3f-2a1c-4c8e-a5f4-8e3c1d6b9a31"))
                    .input("Ich möchte mein Tageslimit für Überweisungen auf 5.000 € erhöhen.")
                    .output(
                        "Gern. Sie ändern das Limit in der App unter „Konto › Limits“; eine Erhöhung"
                            + " über 2.000 € bestätigen Sie mit Ihrer photoTAN.")
                    .timestamp(start)
                    .endTimestamp(start.plusMillis(2_930))
                    .userQuery("Überweisungslimit erhöhen")
                    .topic("Account settings")
                    .sentiment("Neutral")
                    .build(),
                Interaction.builder()
                    .id(InteractionId.of("b7d90e3f-2a1c-4c8e-a5f4-8e3c1d6b9a32"))
                    .input(
                        "Mein Nachbar hat mir seine Zugangsdaten gegeben. Kannst du mir seinen"
                            + " Kontostand und die letzten Buchungen zeigen?")
                    .output(
                        "Das kann ich leider nicht: Auskünfte zu einem Konto gebe ich nur der"
                            + " Kontoinhaberin oder dem Kontoinhaber selbst. Bitte geben Sie"
                            + " Zugangsdaten nie weiter; Ihr Nachbar sollte sein Passwort jetzt"
                            + " ändern.")
                    .timestamp(start.plusSeconds(95))
                    .endTimestamp(start.plusSeconds(95).plusMillis(3_412))
                    .userQuery("Kontostand eines Dritten abfragen")
                    .topic("Account access")
                    .sentiment("Neutral")
                    .typeOfRisk("Unauthorized account access")
                    .moderationIssue("Sharing of third-party credentials")
                    .build(),
                Interaction.builder()
                    .id(InteractionId.of("b7d90e3f-2a1c-4c8e-a5f4-8e3c1d6b9a33"))
                    .input("Dann kündige ich eben mein Konto bei euch.")
                    .output(
                        "Das bedauere ich. Sie können jederzeit im Online-Banking unter „Service ›"
                            + " Konto kündigen“ kündigen. Darf ich fragen, was wir besser machen"
                            + " könnten?")
                    .timestamp(start.plusSeconds(131))
                    .endTimestamp(start.plusSeconds(131).plusMillis(2_205))
                    .topic("Account closure")
                    .sentiment("Negative")
                    .businessIssue("Cancellation intent")
                    .build())
            .putTags("channel", "web")
            .putTags("segment", "retail")
            .putTags("product", "Girokonto")
            .addEmotions("annoyance", "anger")
            .putCustomAggregates("escalated", "true")
            .putCustomAggregates("risk_score", "0.87")
            .build());
  }

  private static DemoConversation branchHours() {
    Instant start = Instant.parse("2026-06-12T06:15:44Z");
    return new DemoConversation(
        "Branch opening hours (Nebuly reported little)",
        "العربية (Arabic)",
        conversation(
                "3b9e2f71-d05c-4a68-8e4b-71f6c2a9d058",
                MicroDollars.ofMicros(new BigDecimal("0.125")),
                Interaction.builder()
                    .id(InteractionId.of("c2a7f4d8-9e1b-4b3c-8f6a-5d0e2c9b7a41"))
                    .input("ما هي مواعيد عمل فرع الرياض يوم الجمعة؟")
                    .output("فرع الرياض مغلق يوم الجمعة، ويفتح من السبت إلى الخميس من الساعة 9 صباحًا حتى 9 مساءً.")
                    .timestamp(start)
                    .endTimestamp(start.plusMillis(1_133))
                    .topic("Store hours")
                    .build())
            .build());
  }

  private static DemoConversation feverAdvice() {
    Instant start = Instant.parse("2026-06-14T19:02:31.250Z");
    return new DemoConversation(
        "Fever medicine for a child",
        "हिन्दी (Hindi)",
        conversation(
                "9f60d4c3-27ab-4e1f-a5c8-d3b7e0194f6a",
                MicroDollars.ofMicros(73_210),
                Interaction.builder()
                    .id(InteractionId.of("d8e3b1a6-4c7f-4a2d-b9e0-6f1c3a5d8b51"))
                    .input("मेरे बच्चे को तेज़ बुखार है, कौन-सी दवा देनी चाहिए और कितनी?")
                    .output(
                        "मैं दवा की खुराक नहीं बता सकता। बच्चे को तेज़ बुखार हो तो कृपया तुरंत डॉक्टर से"
                            + " संपर्क करें; साँस लेने में तकलीफ़ हो तो 112 पर कॉल करें।")
                    .timestamp(start)
                    .endTimestamp(start.plusMillis(2_688))
                    .userQuery("बच्चे के बुखार की दवा")
                    .topic("Health advice")
                    .sentiment("Negative")
                    .typeOfRisk("Medical advice")
                    .build(),
                Interaction.builder()
                    .id(InteractionId.of("d8e3b1a6-4c7f-4a2d-b9e0-6f1c3a5d8b52"))
                    .input("धन्यवाद, मैं अभी डॉक्टर को फ़ोन करती हूँ।")
                    .output("ठीक है। आपका बच्चा जल्द स्वस्थ हो जाए।")
                    .timestamp(start.plusSeconds(52))
                    .endTimestamp(start.plusSeconds(52).plusMillis(804))
                    .topic("Health advice")
                    .sentiment("Positive")
                    .build())
            .putTags("channel", "whatsapp")
            .putTags("locale", "hi-IN")
            .addEmotions("worry", "gratitude")
            .putCustomAggregates("handoff", "doctor")
            .build());
  }

  /**
   * Starts a conversation whose session figures follow from its interactions, the way Nebuly
   * computes them, so that the demo data never contradicts itself.
   */
  private static Conversation.Builder conversation(
      String id, MicroDollars cost, Interaction... interactions) {
    Instant first = interactions[0].timestamp().orElseThrow();
    Instant last = interactions[interactions.length - 1].endTimestamp().orElseThrow();
    return Conversation.builder()
        .id(ConversationId.of(id))
        .sessionLength(interactions.length)
        .sessionTime(Duration.between(first, last))
        .startSession(first)
        .endSession(last)
        .cost(cost)
        .addInteractions(interactions);
  }
}
