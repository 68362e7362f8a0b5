package org.partnershiptracker.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;

/**
 * Errors Tomcat answers itself, before any controller runs (a header too large, a malformed request
 * line), are problem+json like every other answer, not Tomcat's HTML page. Each service imports it
 * ({@code @Import(ProblemErrorReports.class)}).
 */
public class ProblemErrorReports
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(ProblemValve.class.getName());
          }
        });
  }

  /** Writes the problem; the servlet's own error handling still answers errors it saw. */
  public static class ProblemValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable failure) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      String title = known != null ? known.getReasonPhrase() : "Error";
      // A client's mistake is described; a server's failure is not, its details stay in the log.
      String detail =
          status < 500 && failure != null && failure.getMessage() != null
              ? failure.getMessage()
              : status < 500
                  ? "the request could not be read"
                  : "the request could not be answered";
      String type = status == 400 ? "invalid-request" : "status-" + status;
      String json =
          "{\"type\":\"%s%s\",\"title\":\"%s\",\"status\":%d,"
                  .formatted(ProblemTypes.BASE, type, escape(title), status)
              + "\"detail\":\"%s\",\"errors\":[{\"field\":\"request\",\"message\":\"%s\"}]}"
                  .formatted(escape(detail), escape(detail));
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(json);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The connection is gone; there is no one left to answer.
      }
    }

    private static String escape(String text) {
      StringBuilder out = new StringBuilder();
      for (char c : text.toCharArray()) {
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20) {
          out.append("\\u%04x".formatted((int) c));
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
  }
}
