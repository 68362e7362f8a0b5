package org.partnershiptracker.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnershiptracker.infra.issuer.IssuerCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages in a real browser (Debian's chromium, headless, through its chromedriver; Selenium
 * Manager never runs): on the local stack of run-local.sh (SKIP_BUILD=1, the jars this build made),
 * North County Council's analyst opens the portfolio, signs in on the issuer's login page, sorts
 * the portfolio by a column, opens the demo partnership's page (trend chart, evidence), follows an
 * interaction's drill-down link to its entry on the history page (read from the command-service
 * with the analyst's own token) and never sees a partnership North County Council is not part of.
 * Saves screenshots to target/screenshots (with {@code -Dscreenshots.dir=../docs/screenshots} to
 * refresh the ones the README shows). Skipped where chromium or chromedriver is not installed
 * (.ci/run installs both).
 */
class BrowserIT {
  private static final Logger log = LoggerFactory.getLogger(BrowserIT.class);
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  private static final String NORTH_PILOT = "north-pilot";
  private static final String SOUTH_ONLY = "south-only";

  @Test
  void anAnalystSignsInSortsOpensThePartnershipAndItsHistoryAndSeesOnlyTheirOwn() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed");
    assumeTrue(Files.isExecutable(CHROMEDRIVER), CHROMEDRIVER + " is not installed");
    long started = System.nanoTime();

    LocalStack stack = LocalStack.start("browser-stack");
    Path dataDir = stack.dataDir;
    WebDriver browser = null;
    try {
      stack.awaitRunning();
      String command = stack.commandService();
      String query = stack.queryService();
      String admin = stack.token("demo-admin");
      // One more partnership with North County Council (so that sorting has rows to order) and
      // one without it, formed through the command API as the demo's admin client.
      form(command, admin, NORTH_PILOT, "A north pilot", "north-council", "North County Council");
      form(command, admin, SOUTH_ONLY, "Zed south-only", "south-council", "South County Council");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                Http.Response list = Http.get(query + "/api/partnerships", admin);
                return list.status() == 200
                    && list.body().contains("\"" + NORTH_PILOT + "\"")
                    && list.body().contains("\"" + SOUTH_ONLY + "\"");
              });

      browser = chromium(dataDir);
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

      // The portfolio sends a person to the issuer's login page; signed in, back to the portfolio.
      browser.get(query + "/");
      wait.until(ExpectedConditions.urlContains("localhost:" + stack.issuerPort + "/login"));
      browser.findElement(By.name("username")).sendKeys("north-analyst");
      browser
          .findElement(By.name("password"))
          .sendKeys(IssuerCredentials.read(dataDir.resolve("issuer")).password("north-analyst"));
      browser.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(ExpectedConditions.titleContains("Partnerships"));
      assertThat(browser.getCurrentUrl()).startsWith(query + "/");
      assertThat(partnershipRows(browser))
          .as("North County Council's analyst sees its partnerships, and no other")
          .containsExactlyInAnyOrder("demo-shire", NORTH_PILOT)
          .doesNotContain(SOUTH_ONLY);
      assertThat(browser.getPageSource()).doesNotContain("Zed south-only");

      // Sorting: by name ascending, then descending; the header says which (aria-sort).
      header(browser, "Partnership").findElement(By.tagName("a")).click();
      wait.until(d -> "ascending".equals(header(d, "Partnership").getDomAttribute("aria-sort")));
      assertThat(partnershipRows(browser)).containsExactly(NORTH_PILOT, "demo-shire");
      header(browser, "Partnership").findElement(By.tagName("a")).click();
      wait.until(d -> "descending".equals(header(d, "Partnership").getDomAttribute("aria-sort")));
      assertThat(partnershipRows(browser)).containsExactly("demo-shire", NORTH_PILOT);
      assertThat(header(browser, "Index").getDomAttribute("aria-sort")).isEqualTo("none");
      screenshot(browser, new Dimension(1280, 720), "portfolio.png");

      // The partnership page: the trend chart and the evidence behind each score.
      browser.findElement(By.cssSelector("tr[data-partnership='demo-shire'] td a")).click();
      wait.until(ExpectedConditions.urlContains("/api/partnerships/demo-shire/report.html"));
      WebElement chart = browser.findElement(By.cssSelector("#index-trend svg"));
      assertThat(chart.isDisplayed()).isTrue();
      assertThat(chart.findElements(By.cssSelector("polyline, path"))).isNotEmpty();
      screenshot(browser, new Dimension(1280, 1600), "partnership.png");
      List<WebElement> evidence = browser.findElements(By.cssSelector(".card details"));
      assertThat(evidence).isNotEmpty();
      // L1 and L2 of the whole partnership: each lists the events it was computed from, with the
      // organisation that recorded it (the demo is recorded through the API, so every one says).
      List<WebElement> agreementAndRoleEvents = new java.util.ArrayList<>();
      for (WebElement details : evidence.subList(0, 2)) {
        details.findElement(By.tagName("summary")).click();
        wait.until(d -> "true".equals(details.getDomProperty("open")));
        agreementAndRoleEvents.addAll(
            details.findElements(By.cssSelector("table.events tbody tr")));
      }
      assertThat(agreementAndRoleEvents).as("the events behind L1 and L2").isNotEmpty();
      WebElement drillDown = agreementAndRoleEvents.get(0);
      List<WebElement> cells = drillDown.findElements(By.tagName("td"));
      assertThat(cells.get(3).getText()).as("recorded by").isNotBlank().isNotEqualTo("—");
      String eventHref =
          drillDown.findElement(By.cssSelector("a[href*='#event-']")).getDomAttribute("href");
      assertThat(eventHref).startsWith("history.html?asOf=");
      String eventAnchor = eventHref.substring(eventHref.indexOf('#') + 1);

      // An interaction's drill-down link lands on its entry of the history page.
      List<WebElement> entries =
          browser.findElements(By.cssSelector("a[href*='history.html'][href*='#meeting-']"));
      assertThat(entries).as("interactions in the window").isNotEmpty();
      String href = entries.get(0).getDomAttribute("href");
      String meeting = href.substring(href.indexOf('#') + 1);
      assertThat(href).startsWith("history.html?asOf=");
      entries.get(0).click();
      wait.until(ExpectedConditions.urlContains("/api/partnerships/demo-shire/history.html"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id(meeting)));
      assertThat(browser.getTitle()).contains("demo-shire");
      WebElement row = browser.findElement(By.id(meeting)).findElement(By.xpath("./ancestor::tr"));
      assertThat(row.getDomAttribute("id")).startsWith("event-");
      assertThat(row.getText()).contains("MeetingHeld", "heldOn");
      assertThat(browser.findElements(By.id(eventAnchor)))
          .as("the L1 or L2 event's drill-down anchor is an entry of the history")
          .hasSize(1);
      List<WebElement> events = browser.findElements(By.cssSelector("tr.event"));
      assertThat(events).as("the demo's recorded events").hasSizeGreaterThanOrEqualTo(160);
      assertThat(browser.getPageSource())
          .contains("PartnershipFormed", "RoleDesignated", "Demo person-n01");

      // Another council's partnership is not there, not even by its address.
      browser.get(query + "/api/partnerships/" + SOUTH_ONLY + "/history.html");
      assertThat(browser.getPageSource()).contains("404").doesNotContain("Zed south-only");
      browser.get(query + "/api/partnerships/" + SOUTH_ONLY + "/report.html");
      assertThat(browser.getPageSource()).contains("404").doesNotContain("Zed south-only");

      long seconds = (System.nanoTime() - started) / 1_000_000_000;
      log.info(
          "BrowserIT: stack, sign-in, portfolio, partnership page and history in {} s", seconds);
    } finally {
      if (browser != null) {
        browser.quit();
      }
      stack.close();
    }
  }

  /** Debian's chromium through Debian's chromedriver, headless; no driver or browser download. */
  private static WebDriver chromium(Path dataDir) throws IOException {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    Path profile = Files.createDirectories(dataDir.resolve("chromium-profile"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=1280,720");
    return new ChromeDriver(service, options);
  }

  private static WebElement header(WebDriver browser, String text) {
    return browser.findElements(By.cssSelector("thead th")).stream()
        .filter(th -> th.getText().trim().equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no column " + text));
  }

  private static List<String> partnershipRows(WebDriver browser) {
    List<String> ids = new ArrayList<>();
    browser
        .findElements(By.cssSelector("tbody tr[data-partnership]"))
        .forEach(row -> ids.add(row.getDomAttribute("data-partnership")));
    return ids;
  }

  private static void screenshot(WebDriver browser, Dimension size, String name)
      throws IOException {
    browser.manage().window().setSize(size);
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name), png);
  }

  /** Forms a partnership of {@code council} and Shire University through the command API. */
  private static void form(
      String command, String token, String id, String name, String council, String councilName)
      throws Exception {
    String day = LocalDate.now().minusMonths(2).toString();
    String api = command + "/api/partnerships";
    send(
        api,
        token,
        """
        {"partnershipId":"%s","name":"%s","sharedVision":"Share data to plan services","formedOn":"%s"}
        """
            .formatted(id, name, day));
    for (String[] partner :
        List.of(
            new String[] {council, councilName, "LOCAL_AUTHORITY"},
            new String[] {"shire-university", "Shire University", "UNIVERSITY"})) {
      send(
          api + "/" + id + "/partners",
          token,
          """
          {"organisationId":"%s","organisationName":"%s","sector":"%s","joinedOn":"%s"}
          """
              .formatted(partner[0], partner[1], partner[2], day));
    }
  }

  private static void send(String url, String token, String json) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST " + url + ": " + response.body()).isLessThan(300);
  }
}
