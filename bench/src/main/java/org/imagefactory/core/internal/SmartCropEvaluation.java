package org.imagefactory.core.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.imagefactory.core.Gravity;

/**
 * How often the smart gravities keep a subject whole: each photo of a folder, 330 px wide, pasted into each corner
 * of a 1500 × 1000 or 1000 × 1500 picture, on a noisy gradient and on a blurred other photo, and cropped to the
 * largest square. It sits in the engine's package to call {@link SmartCrop#place} and see the window itself.
 *
 * <p>usage: {@code SmartCropEvaluation DIR}
 */
public final class SmartCropEvaluation {

    private static final int MARGIN = 30;
    private static final int SUBJECT_WIDTH = 330;

    private SmartCropEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of(args[0]))) {
            files = listing.sorted().toList();
        }
        int kept = 0;
        int total = 0;
        Random random = new Random(1);
        for (int f = 0; f < files.size(); f++) {
            BufferedImage photo = ImageIO.read(files.get(f).toFile());
            BufferedImage other = ImageIO.read(files.get((f + 7) % files.size()).toFile());
            for (String background : new String[] {"gradient", "blurred"}) {
                for (int corner = 0; corner < 4; corner++) {
                    boolean landscape = (corner + f) % 2 == 0;
                    int width = landscape ? 1500 : 1000;
                    int height = landscape ? 1000 : 1500;
                    BufferedImage picture = background.equals("gradient") ? gradient(width, height, random)
                            : blurred(other, width, height);
                    int sh = photo.getHeight() * SUBJECT_WIDTH / photo.getWidth();
                    int sx = corner % 2 == 0 ? MARGIN : width - SUBJECT_WIDTH - MARGIN;
                    int sy = corner / 2 == 0 ? MARGIN : height - sh - MARGIN;
                    Graphics2D g = picture.createGraphics();
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.drawImage(photo, sx, sy, SUBJECT_WIDTH, sh, null);
                    g.dispose();
                    int side = Math.min(width, height);
                    for (Gravity.Kind kind : new Gravity.Kind[] {Gravity.Kind.ATTENTION, Gravity.Kind.ENTROPY}) {
                        Window w = SmartCrop.place(picture, side, side, kind);
                        total++;
                        if (sx >= w.left() && sy >= w.top() && sx + SUBJECT_WIDTH <= w.left() + w.width()
                                && sy + sh <= w.top() + w.height()) {
                            kept++;
                        } else {
                            System.out.printf("cut: %s %s on %s, corner %d of %dx%d: window %s%n", kind,
                                    files.get(f).getFileName(), background, corner, width, height, w);
                        }
                    }
                }
            }
        }
        System.out.println("subject kept whole in " + kept + " of " + total + " crops");
    }

    private static BufferedImage gradient(int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = 140 + 60 * y / height + random.nextInt(9) - 4;
                image.setRGB(x, y, new Color(v - 20, v, Math.min(255, v + 30)).getRGB());
            }
        }
        return image;
    }

    /** Another photo drawn at 12 × 8 and stretched back: its colours, none of its detail. */
    private static BufferedImage blurred(BufferedImage photo, int width, int height) {
        BufferedImage tiny = new BufferedImage(12, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D t = tiny.createGraphics();
        t.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        t.drawImage(photo, 0, 0, 12, 8, null);
        t.dispose();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(tiny, 0, 0, width, height, null);
        g.dispose();
        return image;
    }
}
