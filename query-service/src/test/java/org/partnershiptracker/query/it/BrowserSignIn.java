package org.partnershiptracker.query.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person at a browser: opens a page, follows the redirects to the issuer's login page, signs in
 * with the form (and its CSRF token) and follows the redirects back, keeping cookies as a browser
 * does. No script runs, as in the pages themselves.
 */
final class BrowserSignIn {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private BrowserSignIn() {}

  /** The page at {@code url} after signing in as {@code user}. */
  static Http.Response open(String url, String user, String password)
      throws IOException, InterruptedException {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    URI at = URI.create(url);
    HttpResponse<String> response = get(browser, at);
    boolean signedIn = false;
    for (int hops = 0; hops < 12; hops++) {
      if (response.statusCode() / 100 == 3) {
        at = at.resolve(response.headers().firstValue("Location").orElseThrow());
        response = get(browser, at);
      } else if (!signedIn && at.getPath().endsWith("/login")) {
        Matcher csrf = CSRF.matcher(response.body());
        if (!csrf.find()) {
          throw new AssertionError("no CSRF token on the login page: " + response.body());
        }
        String form =
            "username="
                + encode(user)
                + "&password="
                + encode(password)
                + "&_csrf="
                + encode(csrf.group(1));
        response =
            browser.send(
                HttpRequest.newBuilder(at)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        signedIn = true;
      } else {
        break;
      }
    }
    return new Http.Response(response.statusCode(), response.body());
  }

  private static HttpResponse<String> get(HttpClient browser, URI uri)
      throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
