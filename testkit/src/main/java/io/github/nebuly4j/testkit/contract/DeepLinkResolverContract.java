package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.NebulyException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * The meaning of {@link DeepLinkResolver}, for every implementation: a test class implements this
 * interface by giving {@link #resolverWith} and inherits the tests.
 *
 * <pre>{@code
 * class MyResolverTest implements DeepLinkResolverContract {
 *   public DeepLinkResolver resolverWith(Map<InteractionId, URI> i, Map<ConversationId, URI> c) {
 *     return new MyResolver(i, c);
 *   }
 * }
 * }</pre>
 *
 * <p>It checks the happy paths, {@link NebulyException.NotFound} for unknown ids, ids that need
 * encoding, 200 concurrent calls that each get their own link, and a null id thrown at once. Every
 * stage is awaited with a bound, so a broken implementation fails instead of hanging.
 */
public interface DeepLinkResolverContract {

  /**
   * Returns the implementation under test, knowing exactly these links and no others.
   *
   * @param interactionLinks interaction to link
   * @param conversationLinks conversation to link
   * @return the resolver
   */
  DeepLinkResolver resolverWith(
      Map<InteractionId, URI> interactionLinks, Map<ConversationId, URI> conversationLinks);

  /** An interaction's link, among others, with the right target and id. */
  @Test
  default void resolvesTheLinkOfAnInteraction() {
    InteractionId wanted = InteractionId.of("interaction-wanted");
    InteractionId other = InteractionId.of("interaction-other");
    ConversationId sameText = ConversationId.of("interaction-wanted");
    DeepLinkResolver resolver =
        resolverWith(
            Map.of(wanted, ContractData.linkTo(wanted), other, ContractData.linkTo(other)),
            Map.of(sameText, ContractData.linkTo(sameText)));

    DeepLink link = Stages.await(resolver.interactionLink(wanted), "interactionLink(" + wanted + ")");

    assertAll(
        () -> assertEquals(ContractData.linkTo(wanted), link.uri(), "uri"),
        () -> assertEquals(LinkTarget.INTERACTION, link.target(), "target"),
        () -> assertEquals(wanted.value(), link.targetId(), "targetId"),
        () -> assertEquals(DeepLink.toInteraction(wanted, ContractData.linkTo(wanted)), link));
  }

  /** A conversation's link, among others, with the right target and id. */
  @Test
  default void resolvesTheLinkOfAConversation() {
    ConversationId wanted = ConversationId.of("conversation-wanted");
    ConversationId other = ConversationId.of("conversation-other");
    InteractionId sameText = InteractionId.of("conversation-wanted");
    DeepLinkResolver resolver =
        resolverWith(
            Map.of(sameText, ContractData.linkTo(sameText)),
            Map.of(wanted, ContractData.linkTo(wanted), other, ContractData.linkTo(other)));

    DeepLink link =
        Stages.await(resolver.conversationLink(wanted), "conversationLink(" + wanted + ")");

    assertAll(
        () -> assertEquals(ContractData.linkTo(wanted), link.uri(), "uri"),
        () -> assertEquals(LinkTarget.CONVERSATION, link.target(), "target"),
        () -> assertEquals(wanted.value(), link.targetId(), "targetId"),
        () -> assertEquals(DeepLink.toConversation(wanted, ContractData.linkTo(wanted)), link));
  }

  /** An unknown interaction fails the stage with NotFound, even when a conversation has its id. */
  @Test
  default void unknownInteractionFailsWithNotFound() {
    ConversationId conversation = ConversationId.of("only-a-conversation");
    DeepLinkResolver resolver =
        resolverWith(Map.of(), Map.of(conversation, ContractData.linkTo(conversation)));

    for (String id : List.of("no-such-interaction", "only-a-conversation")) {
      CompletionStage<DeepLink> stage =
          assertDoesNotThrow(
              () -> resolver.interactionLink(InteractionId.of(id)),
              "a NotFound must fail the stage, not be thrown by the call");
      Stages.failure(stage, NebulyException.NotFound.class, "interactionLink(" + id + ")");
    }
  }

  /** An unknown conversation fails the stage with NotFound, even when an interaction has its id. */
  @Test
  default void unknownConversationFailsWithNotFound() {
    InteractionId interaction = InteractionId.of("only-an-interaction");
    DeepLinkResolver resolver =
        resolverWith(Map.of(interaction, ContractData.linkTo(interaction)), Map.of());

    for (String id : List.of("no-such-conversation", "only-an-interaction")) {
      CompletionStage<DeepLink> stage =
          assertDoesNotThrow(
              () -> resolver.conversationLink(ConversationId.of(id)),
              "a NotFound must fail the stage, not be thrown by the call");
      Stages.failure(stage, NebulyException.NotFound.class, "conversationLink(" + id + ")");
    }
  }

  /** Ids with slashes, dots, spaces, delimiters and non-ASCII text each resolve to their own link. */
  @Test
  default void idsThatNeedEncodingResolveToTheirOwnLinks() {
    Map<InteractionId, URI> interactions = new LinkedHashMap<>();
    Map<ConversationId, URI> conversations = new LinkedHashMap<>();
    for (String id : ContractData.AWKWARD_IDS) {
      interactions.put(InteractionId.of(id), ContractData.linkTo(InteractionId.of(id)));
      conversations.put(ConversationId.of(id), ContractData.linkTo(ConversationId.of(id)));
    }
    DeepLinkResolver resolver = resolverWith(interactions, conversations);

    for (String id : ContractData.AWKWARD_IDS) {
      InteractionId interaction = InteractionId.of(id);
      ConversationId conversation = ConversationId.of(id);
      assertEquals(
          DeepLink.toInteraction(interaction, interactions.get(interaction)),
          Stages.await(resolver.interactionLink(interaction), "interactionLink(" + id + ")"),
          "interaction id '" + id + "'");
      assertEquals(
          DeepLink.toConversation(conversation, conversations.get(conversation)),
          Stages.await(resolver.conversationLink(conversation), "conversationLink(" + id + ")"),
          "conversation id '" + id + "'");
    }
  }

  /** 200 calls in flight at once each get the link of their own id. */
  @Test
  default void concurrentCallsEachGetTheirOwnLink() {
    Map<InteractionId, URI> interactions = new LinkedHashMap<>();
    Map<ConversationId, URI> conversations = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      interactions.put(InteractionId.of("i-" + i), ContractData.linkTo(InteractionId.of("i-" + i)));
      conversations.put(
          ConversationId.of("c-" + i), ContractData.linkTo(ConversationId.of("c-" + i)));
    }
    DeepLinkResolver resolver = resolverWith(interactions, conversations);

    List<CompletionStage<DeepLink>> stages = new ArrayList<>();
    List<DeepLink> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      InteractionId interaction = InteractionId.of("i-" + i);
      ConversationId conversation = ConversationId.of("c-" + i);
      stages.add(resolver.interactionLink(interaction));
      expected.add(DeepLink.toInteraction(interaction, interactions.get(interaction)));
      stages.add(resolver.conversationLink(conversation));
      expected.add(DeepLink.toConversation(conversation, conversations.get(conversation)));
    }
    for (int i = 0; i < stages.size(); i++) {
      assertEquals(
          expected.get(i),
          Stages.await(stages.get(i), Stages.HEAVY, "concurrent call " + i),
          "concurrent call " + i);
    }
  }

  /** A null id is a bug of the caller: IllegalArgumentException, thrown by the call itself. */
  @Test
  default void nullIdThrowsIllegalArgumentExceptionAtOnce() {
    DeepLinkResolver resolver = resolverWith(Map.of(), Map.of());

    assertThrows(IllegalArgumentException.class, () -> resolver.interactionLink(null));
    assertThrows(IllegalArgumentException.class, () -> resolver.conversationLink(null));
  }
}
