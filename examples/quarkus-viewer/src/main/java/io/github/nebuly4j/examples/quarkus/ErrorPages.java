package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.examples.view.ViewerError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Shows every failure outside a conversation's own as a page too, never as a stack trace. */
public class ErrorPages {

  /**
   * Shows an HTTP error of the framework, such as an unknown path.
   *
   * @param failure the error
   * @return a page with the error's status
   */
  @ServerExceptionMapper
  public Response httpError(WebApplicationException failure) {
    int status = failure.getResponse().getStatus();
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type == null ? "HTTP " + status : type.getReasonPhrase();
    String message =
        status == 404
            ? "There is no page here. Start from the list of conversations."
            : "The request could not be served (HTTP " + status + ").";
    return ConversationPage.errorPage(new ViewerError(status, "http-" + status, title, message));
  }

  /**
   * Shows any other failure as the shared "unexpected" page; the failure is logged.
   *
   * @param failure the failure
   * @return a 500 page
   */
  @ServerExceptionMapper
  public Response unexpected(RuntimeException failure) {
    return ConversationPage.errorPage(ViewerError.of(failure));
  }
}
