package dev.s3resizer.cli.dashboard;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real browser (Debian's chromium through its chromedriver), against
 * {@code resizer serve} run from the built jar: two photos and a text file uploaded through the
 * page, renditions and the failure appearing without a reload, retry pressed, the detail view
 * opened and its slider moved, the page at a phone's width. Screenshots of each step go to
 * {@code target/dashboard/}.
 */
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "dashboard");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    static Path work;
    private static ServeProcess serve;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must install chromium and chromium-driver (see .ci/run)");
        }
        assumeTrue(present, "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        serve = ServeProcess.start(work.resolve("data"));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1200,1400",
                        "--user-data-dir=" + work.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    void uploadsShowRenditionsAndFailuresLiveRetryAndCompare() throws Exception {
        browser.get(serve.dashboard().toString());
        await().until(d -> d.findElement(By.id("where")).getText().startsWith("Watching s3://incoming/"));
        ((JavascriptExecutor) browser).executeScript("window.__sameDocument = true;");
        shot("1-empty");

        Path sunset = photo("sunset.jpg", 1600, 1200, new Color(250, 120, 30), new Color(40, 20, 90));
        Path field = photo("field.png", 1200, 1600, new Color(60, 160, 60), new Color(200, 230, 255));
        Path notes = work.resolve("notes.txt");
        Files.writeString(notes, "not a picture");
        browser.findElement(By.id("files")).sendKeys(String.join("\n", sunset.toString(), field.toString(), notes.toString()));

        await().until(d -> d.findElements(By.cssSelector("#uploads li[data-done=true]")).size() == 3);
        shot("2-uploaded");
        await().until(d -> d.findElements(By.cssSelector("#sources li[data-status=processed]")).size() == 2
                && d.findElements(By.cssSelector("#sources li[data-status=failed]")).size() == 1
                && d.findElements(By.cssSelector("#failures li[data-key='notes.txt']")).size() == 1);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameDocument === true;"))
                .as("the list updated without a reload").isEqualTo(true);
        WebElement processed = browser.findElement(By.cssSelector("#sources li[data-key='sunset.jpg']"));
        assertThat(processed.getText()).contains("thumb", "320×240", "medium", "1000×750", "large", "1600×1200", "jpeg", "%");
        assertThat(browser.findElement(By.cssSelector("#sources li[data-key='field.png']")).getText())
                .contains("240×320", "750×1000", "1200×1600", "larger");
        WebElement failure = browser.findElement(By.cssSelector("#failures li[data-key='notes.txt']"));
        assertThat(failure.getText()).contains("unsupported", "attempts 1", "not a supported image");
        assertThat(browser.findElement(By.id("totals")).getText()).contains("Images\n2", "Failures\n1");
        shot("3-processed");

        click(By.cssSelector("#failures li[data-key='notes.txt'] button"));
        await().until(d -> d.findElement(By.cssSelector("#failures li[data-key='notes.txt']")).getText().contains("attempts 2"));
        shot("4-retried");

        click(By.cssSelector("#sources li[data-key='sunset.jpg'] button"));
        await().until(d -> d.findElement(By.id("detail")).isDisplayed()
                && loaded(d, "detail-original") && loaded(d, "detail-rendition-img"));
        assertThat(browser.findElement(By.id("detail-facts")).getText()).contains("original 1600×1200");
        WebElement slider = browser.findElement(By.id("detail-slider"));
        String before = browser.findElement(By.id("compare-top")).getCssValue("clip-path");
        slider.sendKeys(Keys.HOME);
        String after = browser.findElement(By.id("compare-top")).getCssValue("clip-path");
        assertThat(after).isNotEqualTo(before).contains("0px");
        browser.findElement(By.cssSelector("#detail-web summary")).click();
        await().until(d -> d.findElement(By.id("detail-srcset")).getText().contains("<picture"));
        assertThat(browser.findElement(By.id("detail-srcset")).getText()).contains("srcset=", "thumb/sunset.jpg 320w");
        assertThat(browser.findElement(By.id("detail-manifest")).getText()).contains("\"renditions\"", "sunset.jpg");
        shot("5-detail");
        browser.findElement(By.cssSelector("#detail button[value=close]")).sendKeys(Keys.ENTER);
        await().until(d -> !d.findElement(By.id("detail")).isDisplayed());

        browser.manage().window().setSize(new Dimension(390, 900));
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("no sideways scrolling at a phone's width").isLessThanOrEqualTo(0L);
        shot("6-phone");
        assertThat(browser.findElements(By.cssSelector("input:not([id]), select:not([id])"))).isEmpty();
        List<WebElement> labelled = browser.findElements(By.cssSelector("label[for]"));
        assertThat(labelled).extracting(l -> l.getAttribute("for")).contains("files", "detail-rendition", "detail-slider");
    }

    @Test
    void apiWritesNeedTheDashboardHeaderAndItsOwnHost() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uploads = serve.dashboard().resolve("/api/uploads");
        HttpResponse<String> noHeader = http.send(HttpRequest.newBuilder(uploads)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x.jpg\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noHeader.statusCode()).isEqualTo(403);
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(uploads).header("X-Resizer-Dashboard", "1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x.jpg\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"key\":\"x.jpg\"", "X-Amz-Signature");
        HttpResponse<String> badName = http.send(HttpRequest.newBuilder(uploads).header("X-Resizer-Dashboard", "1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"..\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(rawGet(serve.dashboard().getPort(), "localhost.example:" + serve.dashboard().getPort()))
                .as("a page on another host name (DNS rebinding) is refused").startsWith("HTTP/1.1 421");
        assertThat(rawGet(serve.dashboard().getPort(), "127.0.0.1:" + serve.dashboard().getPort())).startsWith("HTTP/1.1 200");
    }

    private static String rawGet(int port, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(("GET /api/state HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean loaded(WebDriver d, String imageId) {
        return Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const i = document.getElementById(arguments[0]); return i.complete && i.naturalWidth > 0;", imageId));
    }

    /** Clicks what the selector finds, finding it again when a live update replaced it meanwhile. */
    private static void click(By selector) {
        await().until(d -> {
            d.findElement(selector).click();
            return true;
        });
    }

    private static WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        wait.withMessage(() -> "\n--- page\n" + browser.findElement(By.tagName("body")).getText()
                + "\n--- serve\n" + serve.output());
        return wait;
    }

    private static void shot(String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path photo(String name, int w, int h, Color top, Color bottom) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, top, 0, h, bottom));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 3, h / 4, w / 3, w / 3);
        g.dispose();
        Path file = work.resolve(name);
        ImageIO.write(image, name.endsWith(".png") ? "png" : "jpeg", file.toFile());
        return file;
    }
}
