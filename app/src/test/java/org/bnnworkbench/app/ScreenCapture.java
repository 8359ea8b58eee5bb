package org.bnnworkbench.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Captures the X server's screen for the screenshot harnesses (DesignerScreenshots,
 * ExperimentScreenshots) with ImageMagick's {@code import}, into {@code -Dbnn.screenshots} or
 * docs/images.
 */
public final class ScreenCapture {

    public static final Path IMAGES = Path.of(System.getProperty("bnn.screenshots", "../docs/images"));

    private ScreenCapture() {
    }

    /** Waits for the FX events and {@code settleMillis} for the last frame to reach the X server, then captures. */
    public static void shoot(String name, long settleMillis) throws IOException, InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(settleMillis);
        Files.createDirectories(IMAGES);
        Path file = IMAGES.resolve(name + ".png");
        Process p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("import failed for " + file);
        }
        System.out.println("SCREENSHOT " + file.toAbsolutePath().normalize());
    }

    /** Writes the given rectangle of picture {@code from} as picture {@code to}. */
    public static void crop(String from, String to, int x, int y, int width, int height) throws IOException {
        BufferedImage all = ImageIO.read(IMAGES.resolve(from + ".png").toFile());
        ImageIO.write(all.getSubimage(x, y, width, height), "png", IMAGES.resolve(to + ".png").toFile());
    }
}
