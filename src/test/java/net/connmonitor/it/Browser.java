package net.connmonitor.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through its own chromedriver: given explicitly, so that Selenium Manager never
 * runs (it would look for drivers and send statistics online), and with every host name but loopback made not to
 * resolve, so that the browser's own background requests go nowhere.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** @throws AssertionError when chromium's driver is missing (.ci/setup installs it) */
  static Browser start() {
    if (!Files.isExecutable(CHROMEDRIVER)) {
      throw new AssertionError(CHROMEDRIVER + " is missing: install chromium and chromium-driver (.ci/setup does)");
    }
    ChromeOptions options = new ChromeOptions().addArguments("--headless", "--no-sandbox",
        "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        "--disable-background-networking", "--no-first-run", "--lang=en-GB");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1400, 1000));
    return new Browser(driver);
  }

  ChromeDriver driver() {
    return driver;
  }

  /**
   * Waits until {@code condition} gives something neither null nor false, and returns it. The live pages redraw
   * their rows every second, so an element found may be gone when it is read: that is tried again.
   */
  <T> T await(Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  /** Saves the page as it shows now, {@code height} pixels tall, as target/screenshots/NAME.png. */
  Path screenshot(String name, int height) throws IOException {
    driver.manage().window().setSize(new Dimension(1400, height));
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
