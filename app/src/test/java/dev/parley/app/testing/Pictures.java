package dev.parley.app.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** What a screenshot of a video shows, in shares of its pixels (every other row and column). */
public final class Pictures {
    private Pictures() {}

    public static BufferedImage read(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new IOException("not a picture: " + png);
        }
        return image;
    }

    /**
     * Pixels with a clear colour (HSB saturation ≥ 0.35, brightness ≥ 0.2): the test pattern's
     * gradients; the app's chrome and an empty video view are grey, white and black.
     */
    public static double colourfulShare(BufferedImage image) {
        return share(image, hsb -> hsb[1] >= 0.35f && hsb[2] >= 0.2f);
    }

    /** Pixels close to {@code colour}: hue within 20°, saturation and brightness at least 60 % of its own. */
    public static double shareNear(BufferedImage image, Color colour) {
        float[] target = Color.RGBtoHSB(colour.getRed(), colour.getGreen(), colour.getBlue(), null);
        return share(image, hsb -> {
            float hueDistance = Math.abs(hsb[0] - target[0]);
            hueDistance = Math.min(hueDistance, 1 - hueDistance);
            return hueDistance <= 20f / 360 && hsb[1] >= 0.6f * target[1] && hsb[2] >= 0.6f * target[2];
        });
    }

    private interface PixelTest {
        boolean test(float[] hsb);
    }

    private static double share(BufferedImage image, PixelTest test) {
        long matching = 0;
        long all = 0;
        float[] hsb = new float[3];
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int p = image.getRGB(x, y);
                Color.RGBtoHSB(p >> 16 & 0xff, p >> 8 & 0xff, p & 0xff, hsb);
                all++;
                if (test.test(hsb)) {
                    matching++;
                }
            }
        }
        return all == 0 ? 0 : matching / (double) all;
    }
}
