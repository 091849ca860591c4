package cn.tongban.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test shares: one headless Chromium per test class, phone-sized pages in Chinese, the portal's
 * address, signing in, and the screenshot folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
  @LocalServerPort int port;
  Playwright playwright;
  Browser browser;
  final Path shots = Path.of("target/screenshots");

  @BeforeAll
  void launchBrowser() throws Exception {
    Files.createDirectories(shots);
    playwright = BrowserSupport.playwright();
    browser = BrowserSupport.launch(playwright);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** A new phone-sized page (390 × 844, zh-CN) in its own context: its own cookies, like another person's phone. */
  Page phone() {
    BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("zh-CN"));
    ctx.setDefaultTimeout(15_000);
    return ctx.newPage();
  }

  void login(Page page, String username, String password) {
    page.navigate(url("/login"));
    page.fill("#username", username);
    page.fill("#password", password);
    page.click("#login-submit");
  }
}
