package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The operator's page in a real browser (Debian's chromium), served by the packaged jar with {@code --listen} while
 * it monitors the test network: the overview lists the hosts with their loss, filters and sorts them; the lossy
 * host's page shows its loss; a reroute appears on the web host's page; both update without a reload. Screenshots
 * go to target/screenshots/.
 */
@ExtendWith(TestNetwork.class)
class PageIT {

  private static final Duration SOON = Duration.ofSeconds(20);
  /** Marks the page's window: it survives live updates and would vanish with a reload. */
  private static final String MARK = "window.connmonitorPageIT = 'not reloaded'";
  private static final String MARKED = "return window.connmonitorPageIT || 'reloaded'";

  private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

  @TempDir
  Path dir;

  @BeforeEach
  void root() {
    TestNetwork.requireRoot("raw ICMP sockets need CAP_NET_RAW, and the test network needs namespaces");
  }

  @Test
  void theOverviewAndTheHostPagesShowLossAndRerouteLive() throws Exception {
    String web = TestNetwork.WEB_V4;
    String lossy = TestNetwork.LOSSY_V4;
    Path config = Files.writeString(dir.resolve("hosts.conf"), String.join("\n",
        web + " ping=250 trace=1000 scan=2000 labels=role:web,site:lab",
        lossy + " ping=100 timeout=1000 labels=role:lossy,site:lab",
        TestNetwork.SLOW_V4 + " ping=250 labels=role:slow,site:lab",
        TestNetwork.FAR_V4 + " ping=500 trace=2000 labels=role:far,site:far",
        TestNetwork.DEAD_V4 + " ping=500 timeout=500 labels=role:dead,site:far", ""));
    String base = "http://127.0.0.1:" + PrometheusServer.freePort();
    try (MonitorProcess monitor = MonitorProcess.start("--listen", base.substring("http://".length()),
        config.toString());
        Browser browser = Browser.start()) {
      awaitReady(base);
      var driver = browser.driver();
      driver.get(base + "/");
      browser.await(SOON, d -> d.findElements(By.cssSelector("#hosts tbody tr")).size() == 5);
      // 30 % of the lossy host's requests are dropped at random: a few seconds in (some fifty requests), the figure
      // is within 3.5 standard deviations of it, or above when a busy machine makes replies later than the timeout.
      double lossyLoss = browser.await(SOON, d -> {
        double loss = loss(row(d.findElement(By.tagName("body")), lossy));
        return loss >= 8 && loss <= 70 ? loss : null;
      });
      assertEquals(0.0, browser.await(SOON, d -> {
        double loss = loss(row(d.findElement(By.tagName("body")), web));
        return Double.isNaN(loss) ? null : loss;
      }));
      browser.await(SOON, d -> loss(row(d.findElement(By.tagName("body")), TestNetwork.DEAD_V4)) == 100);

      // Live: the figures move while the window stays the one that was loaded.
      driver.executeScript(MARK);
      String updated = driver.findElement(By.tagName("body")).getAttribute("data-updated");
      browser.await(SOON, d -> !d.findElement(By.tagName("body")).getAttribute("data-updated").equals(updated));
      assertEquals("not reloaded", driver.executeScript(MARKED));

      driver.findElement(By.id("filter")).sendKeys("role:lossy");
      browser.await(SOON, d -> names(d).equals(List.of(lossy)));
      driver.findElement(By.id("filter")).clear();
      driver.findElement(By.id("filter")).sendKeys(" ");
      browser.await(SOON, d -> names(d).size() == 5);
      driver.findElement(By.cssSelector("th[data-sort=loss]")).click();
      browser.await(SOON, d -> names(d).subList(0, 2).equals(List.of(TestNetwork.DEAD_V4, lossy)));
      browser.screenshot("overview", 760);

      String webId = browser.await(SOON, d -> row(d.findElement(By.tagName("body")), web).getAttribute("data-id"));
      String lossyId = browser.await(SOON,
          d -> row(d.findElement(By.tagName("body")), lossy).getAttribute("data-id"));
      driver.get(base + "/host?id=" + lossyId);
      String lossCard = browser.await(SOON, d -> d.findElements(By.cssSelector(".loss-card .value")).stream()
          .map(WebElement::getText).filter(text -> text.endsWith("%")).findFirst().orElse(null));
      double shown = Double.parseDouble(lossCard.replace("%", "").trim());
      assertTrue(shown >= 8 && shown <= 70, "the lossy host's page shows a loss of " + lossCard);
      browser.await(SOON, d -> !d.findElements(By.cssSelector("#recent .median line[data-loss]")).isEmpty());
      browser.screenshot("host-lossy", 1500);

      driver.get(base + "/host?id=" + webId);
      browser.await(SOON, d -> d.findElements(By.cssSelector("#routes tr.route")).size() == 1
          && d.findElements(By.cssSelector("#scans tr.scan")).size() >= 1);
      driver.executeScript(MARK);
      TestNetwork.detour(true);
      try {
        browser.await(SOON, d -> d.findElements(By.cssSelector("#recent .route-marker")).size() == 1
            && d.findElements(By.cssSelector("#fine .route-marker")).size() == 1
            && d.findElements(By.cssSelector("#coarse .route-marker")).size() == 1
            && d.findElement(By.cssSelector("#routes tr.route")).getText().contains("changed"));
        String newest = browser.await(SOON, d -> d.findElement(By.cssSelector("#routes tr.route")).getText());
        for (String router : TestNetwork.DETOUR_V4) {
          assertTrue(newest.contains(router), "the new route " + newest + " goes through " + router);
        }
        assertTrue(!newest.contains(TestNetwork.ROUTERS_V4.get(1)), "the detour skips the second router: " + newest);
        assertEquals("1", browser.await(SOON,
            d -> d.findElement(By.cssSelector(".changes-card .value")).getText()));
        assertEquals("not reloaded", driver.executeScript(MARKED));
        browser.screenshot("host-web", 1500);
      } finally {
        TestNetwork.detour(false);
      }
      System.out.printf("PageIT: the overview showed %.1f %% loss for the lossy host, its page %s; screenshots in %s%n",
          lossyLoss, lossCard, Browser.SCREENSHOTS.toAbsolutePath());
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  private static WebElement row(WebElement page, String name) {
    return page.findElement(By.cssSelector("#hosts tbody tr[data-host='" + name + "']"));
  }

  private static double loss(WebElement row) {
    String text = row.findElement(By.cssSelector(".loss")).getText().replace("%", "").trim();
    return text.equals("\u2013") ? Double.NaN : Double.parseDouble(text);
  }

  private static List<String> names(WebDriver driver) {
    return driver.findElements(By.cssSelector("#hosts tbody tr")).stream()
        .map(row -> row.getAttribute("data-host")).toList();
  }

  private void awaitReady(String base) throws Exception {
    long deadline = System.nanoTime() + SOON.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    throw new AssertionError(base + "/-/ready did not answer 200 within " + SOON);
  }
}
