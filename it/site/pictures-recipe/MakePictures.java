import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Paints the sample site's synthetic photos as lossless PNGs; make-pictures.sh encodes them. Smooth gradients and
 * silhouettes look like landscapes in a gallery yet compress to well under 100 KB as JPEG, so the photos can be
 * committed at full size. Fixed seeds: running it again paints the same pictures.
 *
 * <p>Run: {@code java MakePictures.java <output folder>}
 */
public class MakePictures {

    public static void main(String[] args) throws IOException {
        File out = new File(args[0]);
        out.mkdirs();
        save(alpineLake(2400, 1600), out, "alpine-lake");
        save(desertDunes(2400, 1500, false), out, "desert-dunes");
        save(seaSunrise(2560, 1440), out, "sea-sunrise");
        save(rollingHills(2400, 1600), out, "rolling-hills");
        save(nightCity(2400, 1350), out, "night-city");
        save(lighthouse(1600, 2400), out, "lighthouse");
        save(forest(1600, 2400), out, "forest");
        save(canyon(1500, 2250), out, "canyon");
        save(peak(1600, 2400), out, "peak");
        save(poster(2000, 1400), out, "poster");
        save(badge(960, 960), out, "badge");
        save(desertDunes(2400, 1600, true), out, "grey-dunes");
        save(flatShapes(960, 640), out, "shapes");
        save(meadow(2000, 1333), out, "meadow");
        save(icon(256, 256), out, "icon");
    }

    static void save(BufferedImage image, File folder, String name) throws IOException {
        ImageIO.write(image, "png", new File(folder, name + ".png"));
    }

    static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        return g;
    }

    static BufferedImage rgb(int w, int h) {
        return new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    }

    static void sky(Graphics2D g, int w, int top, int bottom, Color... colors) {
        float[] stops = new float[colors.length];
        for (int i = 0; i < colors.length; i++) {
            stops[i] = (float) i / (colors.length - 1);
        }
        g.setPaint(new java.awt.LinearGradientPaint(0, top, 0, bottom, stops, colors));
        g.fillRect(0, top, w, bottom - top);
    }

    static void glow(Graphics2D g, double x, double y, double radius, Color core, Color edge) {
        g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) radius, new float[] {0f, 0.15f, 1f},
                new Color[] {core, core, edge}, MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fill(new Ellipse2D.Double(x - radius, y - radius, radius * 2, radius * 2));
    }

    /** A ridge line by midpoint displacement: heights for x = 0..w, around {@code base}. */
    static double[] ridge(Random random, int w, double base, double roughness, double amplitude) {
        int n = 1;
        while (n < w) {
            n <<= 1;
        }
        double[] h = new double[n + 1];
        h[0] = base + (random.nextDouble() - 0.5) * amplitude;
        h[n] = base + (random.nextDouble() - 0.5) * amplitude;
        double spread = amplitude;
        for (int step = n; step > 1; step >>= 1) {
            for (int i = step / 2; i < n; i += step) {
                h[i] = (h[i - step / 2] + h[i + step / 2]) / 2 + (random.nextDouble() - 0.5) * spread;
            }
            spread *= roughness;
        }
        double[] result = new double[w + 1];
        for (int x = 0; x <= w; x++) {
            result[x] = h[(int) ((long) x * n / w)];
        }
        return result;
    }

    static Path2D.Double below(double[] heights, int w, double bottom) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, bottom);
        for (int x = 0; x <= w; x += 4) {
            path.lineTo(x, heights[x]);
        }
        path.lineTo(w, heights[w]);
        path.lineTo(w, bottom);
        path.closePath();
        return path;
    }

    static Color mix(Color a, Color b, double t) {
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    static void clouds(Graphics2D g, Random random, int w, int h, int count, Color color) {
        for (int c = 0; c < count; c++) {
            double cx = random.nextDouble() * w;
            double cy = h * (0.08 + random.nextDouble() * 0.25);
            double size = w * (0.05 + random.nextDouble() * 0.06);
            for (int puff = 0; puff < 7; puff++) {
                double px = cx + (random.nextDouble() - 0.5) * size * 2.2;
                double py = cy + (random.nextDouble() - 0.5) * size * 0.5;
                double r = size * (0.4 + random.nextDouble() * 0.5);
                glow(g, px, py, r, color, new Color(color.getRed(), color.getGreen(), color.getBlue(), 0));
            }
        }
    }

    static BufferedImage alpineLake(int w, int h) {
        BufferedImage image = rgb(w, h);
        Graphics2D g = canvas(image);
        Random random = new Random(1);
        int horizon = (int) (h * 0.62);
        sky(g, w, 0, horizon, new Color(34, 47, 96), new Color(120, 96, 150), new Color(246, 160, 96),
                new Color(255, 214, 150));
        glow(g, w * 0.68, horizon * 0.82, h * 0.35, new Color(255, 240, 200, 255), new Color(255, 190, 120, 0));
        Color[] layers = {new Color(132, 110, 150), new Color(84, 74, 118), new Color(44, 44, 78), new Color(22, 28, 48)};
        for (int i = 0; i < layers.length; i++) {
            double[] line = ridge(random, w, horizon * (0.45 + i * 0.14), 0.58, h * (0.32 - i * 0.05));
            g.setColor(layers[i]);
            g.fill(below(line, w, horizon));
        }
        BufferedImage upper = image.getSubimage(0, 0, w, horizon);
        for (int y = horizon; y < h; y++) {
            int source = horizon - 1 - (int) ((y - horizon) * 1.0 * horizon / (h - horizon));
            int shift = (int) (Math.sin(y * 0.35) * 6 * (y - horizon) / (h - horizon));
            for (int x = 0; x < w; x++) {
                int sx = Math.min(w - 1, Math.max(0, x + shift));
                Color c = new Color(upper.getRGB(sx, Math.max(0, source)));
                double dark = 0.72 - 0.25 * (y - horizon) / (h - horizon);
                image.setRGB(x, y, mix(new Color(10, 18, 40), c, dark).getRGB());
            }
        }
        g.dispose();
        return image;
    }

    static BufferedImage desertDunes(int w, int h, boolean grey) {
        BufferedImage image = rgb(w, h);
        Graphics2D g = canvas(image);
        sky(g, w, 0, h, new Color(92, 150, 210), new Color(186, 214, 230), new Color(250, 222, 180));
        glow(g, w * 0.2, h * 0.18, h * 0.2, new Color(255, 255, 235), new Color(255, 240, 200, 0));
        Color[] sand = {new Color(230, 176, 120), new Color(214, 150, 96), new Color(196, 124, 74), new Color(170, 100, 60)};
        for (int i = 0; i < sand.length; i++) {
            double base = h * (0.45 + i * 0.13);
            double[] line = new double[w + 1];
            for (int x = 0; x <= w; x++) {
                line[x] = base - h * 0.06 * Math.sin(x * (0.0022 + i * 0.0007) + i * 1.7)
                        - h * 0.025 * Math.sin(x * 0.006 + i);
            }
            g.setPaint(new GradientPaint(0, (float) (base - h * 0.1), sand[i].brighter(), 0, (float) (base + h * 0.2), sand[i]));
            g.fill(below(line, w, h));
        }
        g.dispose();
        if (!grey) {
            return image;
        }
        BufferedImage grey8 = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gg = grey8.createGraphics();
        gg.drawImage(image, 0, 0, null);
        gg.dispose();
        return grey8;
    }

    static BufferedImage seaSunrise(int w, int h) {
        BufferedImage image = rgb(w, h);
        Graphics2D g = canvas(image);
        int horizon = (int) (h * 0.55);
        sky(g, w, 0, horizon, new Color(40, 60, 120), new Color(230, 120, 110), new Color(255, 200, 120));
        glow(g, w * 0.5, horizon, h * 0.5, new Color(255, 250, 220), new Color(255, 160, 100, 0));
        sky(g, w, horizon, h, new Color(200, 110, 90), new Color(60, 70, 120), new Color(20, 30, 70));
        Random random = new Random(3);
        for (int i = 0; i < 160; i++) {
            double y = horizon + Math.pow(random.nextDouble(), 1.6) * (h - horizon);
            double spread = 40 + (y - horizon) * 0.9;
            double len = 30 + random.nextDouble() * spread;
            double x = w * 0.5 + (random.nextDouble() - 0.5) * spread * 1.5;
            g.setColor(new Color(255, 220, 160, 120 + random.nextInt(100)));
            g.fill(new RoundRectangle2D.Double(x - len / 2, y, len, 3 + (y - horizon) * 0.012, 4, 4));
        }
        g.dispose();
        return image;
    }

    static BufferedImage rollingHills(int w, int h) {
        BufferedImage image = rgb(w, h);
        Graphics2D g = canvas(image);
        Random random = new Random(4);
        sky(g, w, 0, h, new Color(70, 130, 210), new Color(170, 210, 240), new Color(230, 240, 245));
        clouds(g, random, w, h, 6, new Color(255, 255, 255, 200));
        Color[] greens = {new Color(140, 180, 110), new Color(100, 160, 80), new Color(70, 130, 60), new Color(50, 100, 45)};
        for (int i = 0; i < greens.length; i++) {
            double base = h * (0.5 + i * 0.12);
            double[] line = new double[w + 1];
            for (int x = 0; x <= w; x++) {
                line[x] = base - h * 0.07 * Math.sin(x * (0.0015 + i * 0.0004) + i * 2.3);
            }
            g.setColor(greens[i]);
            g.fill(below(line, w, h));
            for (int t = 0; t < 5 + i * 3; t++) {
                int x = random.nextInt(w);
                double r = h * (0.012 + i * 0.006);
                g.setColor(greens[i].darker().darker());
                g.fill(new Ellipse2D.Double(x - r, line[x] - r * 2.6, r * 2, r * 2.4));
            }
        }
        g.dispose();
        return image;
    }

    static BufferedImage nightCity(int w, int h) {
        BufferedImage image = rgb(w, h);
        Graphics2D g = canvas(image);
        Random random = new Random(5);
        sky(g, w, 0, h, new Color(8, 10, 30), new Color(30, 30, 80), new Color(90, 60, 110));
        glow(g, w * 0.8, h * 0.2, h * 0.09, new Color(250, 250, 230), new Color(200, 200, 255, 0));
        for (int s = 0; s < 120; s++) {
            g.setColor(new Color(255, 255, 255, 90 + random.nextInt(160)));
            double r = 1.5 + random.nextDouble() * 2;
            g.fill(new Ellipse2D.Double(random.nextInt(w), random.nextInt((int) (h * 0.5)), r, r));
        }
        for (int layer = 0; layer < 2; layer++) {
            int x = 0;
            while (x < w) {
                int bw = 80 + random.nextInt(160);
                int bh = (int) (h * (0.2 + random.nextDouble() * (layer == 0 ? 0.45 : 0.3)));
                g.setColor(layer == 0 ? new Color(30, 28, 60) : new Color(14, 14, 30));
                g.fillRect(x, h - bh, bw, bh);
                g.setColor(new Color(255, 210, 120));
                for (int wy = h - bh + 20; wy < h - 20; wy += 34) {
                    for (int wx = x + 14; wx < x + bw - 20; wx += 30) {
                        if (random.nextInt(4) == 0) {
                            g.fillRect(wx, wy, 12, 16);
                        }
                    }
                }
                x += bw + random.nextInt(20);
            }
        }
        g.dispose();
        return image;
    }

    static BufferedImage lighthouse(int w, int h) {
        BufferedImage image = rgb(w, h);
        Graphics2D g = canvas(image);
        int horizon = (int) (h * 0.7);
        sky(g, w, 0, horizon, new Color(50, 90, 160), new Color(140, 180, 220), new Color(240, 220, 200));
        sky(g, w, horizon, h, new Color(60, 110, 150), new Color(20, 50, 80));
        g.setColor(new Color(60, 55, 50));
        Path2D.Double rock = new Path2D.Double();
        rock.moveTo(w * 0.15, h);
        rock.curveTo(w * 0.25, h * 0.8, w * 0.7, h * 0.78, w * 0.9, h);
        g.fill(rock);
        double baseY = h * 0.82;
        double topY = h * 0.3;
        for (int band = 0; band < 6; band++) {
            double y0 = topY + (baseY - topY) * band / 6;
            double y1 = topY + (baseY - topY) * (band + 1) / 6;
            double half0 = w * (0.06 + 0.04 * band / 6);
            double half1 = w * (0.06 + 0.04 * (band + 1) / 6);
            Path2D.Double part = new Path2D.Double();
            part.moveTo(w / 2.0 - half0, y0);
            part.lineTo(w / 2.0 + half0, y0);
            part.lineTo(w / 2.0 + half1, y1);
            part.lineTo(w / 2.0 - half1, y1);
            part.closePath();
            g.setColor(band % 2 == 0 ? new Color(200, 40, 40) : new Color(245, 245, 240));
            g.fill(part);
        }
        g.setColor(new Color(40, 40, 40));
        g.fillRect((int) (w * 0.42), (int) (topY - w * 0.12), (int) (w * 0.16), (int) (w * 0.12));
        glow(g, w / 2.0, topY - w * 0.06, w * 0.3, new Color(255, 250, 200), new Color(255, 240, 160, 0));
        g.dispose();
        return image;
    }

    static BufferedImage forest(int w, int h) {
        BufferedImage image = rgb(w, h);
        Graphics2D g = canvas(image);
        Random random = new Random(7);
        sky(g, w, 0, h, new Color(200, 215, 210), new Color(160, 185, 175), new Color(60, 90, 70));
        Color fog = new Color(210, 222, 215);
        for (int layer = 0; layer < 4; layer++) {
            Color tree = mix(fog, new Color(20, 50, 35), 0.3 + layer * 0.23);
            g.setColor(tree);
            double ground = h * (0.55 + layer * 0.13);
            for (int t = 0; t < 9 + layer * 2; t++) {
                double x = random.nextDouble() * w;
                double th = h * (0.25 + layer * 0.08 + random.nextDouble() * 0.1);
                double tw = th * 0.28;
                Path2D.Double pine = new Path2D.Double();
                pine.moveTo(x, ground - th);
                pine.lineTo(x + tw / 2, ground);
                pine.lineTo(x - tw / 2, ground);
                pine.closePath();
                g.fill(pine);
            }
            g.fillRect(0, (int) ground, w, h);
        }
        g.dispose();
        return image;
    }

    static BufferedImage canyon(int w, int h) {
        BufferedImage image = rgb(w, h);
        Graphics2D g = canvas(image);
        Random random = new Random(8);
        sky(g, w, 0, h, new Color(110, 170, 230), new Color(220, 200, 170));
        for (int side = 0; side < 2; side++) {
            for (int layer = 0; layer < 3; layer++) {
                double[] edge = ridge(random, h, w * (0.22 + layer * 0.07), 0.6, w * 0.12);
                Path2D.Double wall = new Path2D.Double();
                double outer = side == 0 ? 0 : w;
                wall.moveTo(outer, 0);
                for (int y = 0; y <= h; y += 4) {
                    double x = edge[y] * (0.6 + 0.4 * y / h);
                    wall.lineTo(side == 0 ? x : w - x, y);
                }
                wall.lineTo(outer, h);
                wall.closePath();
                g.setColor(mix(new Color(200, 110, 60), new Color(120, 50, 30), layer / 2.0));
                g.fill(wall);
            }
        }
        g.setPaint(new GradientPaint(0, (float) (h * 0.8), new Color(90, 150, 170), 0, h, new Color(40, 90, 110)));
        Path2D.Double river = new Path2D.Double();
        river.moveTo(w * 0.45, h * 0.78);
        river.curveTo(w * 0.6, h * 0.85, w * 0.3, h * 0.92, w * 0.4, h);
        river.lineTo(w * 0.65, h);
        river.curveTo(w * 0.55, h * 0.92, w * 0.75, h * 0.85, w * 0.55, h * 0.78);
        river.closePath();
        g.fill(river);
        g.dispose();
        return image;
    }

    /** Upright portrait with the sky at the top, so a viewer that ignores EXIF orientation shows it on its side. */
    static BufferedImage peak(int w, int h) {
        BufferedImage image = rgb(w, h);
        Graphics2D g = canvas(image);
        Random random = new Random(9);
        sky(g, w, 0, h, new Color(20, 60, 140), new Color(120, 170, 230), new Color(230, 235, 240));
        double[] line = ridge(random, w, h * 0.45, 0.55, h * 0.35);
        for (int x = 0; x <= w; x++) {
            line[x] = Math.max(h * 0.18, line[x] - h * 0.25 * Math.exp(-Math.pow((x - w * 0.5) / (w * 0.2), 2)));
        }
        g.setPaint(new GradientPaint(0, (float) (h * 0.2), new Color(245, 248, 255), 0, (float) (h * 0.6), new Color(90, 100, 120)));
        g.fill(below(line, w, h));
        g.setPaint(new GradientPaint(0, (float) (h * 0.75), new Color(60, 110, 70), 0, h, new Color(30, 60, 40)));
        g.fill(below(ridge(random, w, h * 0.8, 0.5, h * 0.1), w, h));
        g.setColor(new Color(255, 220, 60));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, w / 8));
        g.drawString("UP", (int) (w * 0.06), (int) (h * 0.1));
        g.dispose();
        return image;
    }

    static BufferedImage poster(int w, int h) {
        BufferedImage image = rgb(w, h);
        Graphics2D g = canvas(image);
        g.setPaint(new GradientPaint(0, 0, new Color(0, 160, 200), w, h, new Color(250, 210, 40)));
        g.fillRect(0, 0, w, h);
        Color[] inks = {new Color(230, 0, 120), new Color(0, 170, 230), new Color(255, 230, 0), new Color(30, 30, 30)};
        for (int i = 0; i < 4; i++) {
            g.setColor(new Color(inks[i].getRed(), inks[i].getGreen(), inks[i].getBlue(), 190));
            double r = h * (0.22 + 0.05 * i);
            g.fill(new Ellipse2D.Double(w * (0.2 + 0.2 * i) - r, h * (0.35 + 0.1 * (i % 2)) - r, r * 2, r * 2));
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, h / 7));
        g.drawString("CMYK", (int) (w * 0.06), (int) (h * 0.9));
        g.dispose();
        return image;
    }

    static BufferedImage badge(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas(image);
        g.setComposite(AlphaComposite.Src);
        glow(g, w * 0.52, h * 0.54, w * 0.5, new Color(0, 0, 0, 110), new Color(0, 0, 0, 0));
        g.setComposite(AlphaComposite.SrcOver);
        g.setPaint(new GradientPaint(0, 0, new Color(255, 120, 60), w, h, new Color(200, 40, 120)));
        g.fill(new Ellipse2D.Double(w * 0.1, h * 0.1, w * 0.8, h * 0.8));
        g.setColor(new Color(255, 255, 255, 230));
        g.setStroke(new BasicStroke(w / 30f));
        g.draw(new Ellipse2D.Double(w * 0.18, h * 0.18, w * 0.64, h * 0.64));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, w / 6));
        g.drawString("PNG", (int) (w * 0.3), (int) (h * 0.56));
        g.dispose();
        return image;
    }

    static BufferedImage flatShapes(int w, int h) {
        BufferedImage image = rgb(w, h);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(250, 240, 220));
        g.fillRect(0, 0, w, h);
        Color[] palette = {new Color(230, 57, 70), new Color(29, 53, 87), new Color(69, 123, 157), new Color(241, 180, 40)};
        for (int i = 0; i < 8; i++) {
            g.setColor(palette[i % palette.length]);
            int x = 60 + i * 110;
            g.fillRect(x, 120 + (i % 3) * 60, 80, h - 240 - (i % 3) * 60);
        }
        g.dispose();
        return image;
    }

    static BufferedImage meadow(int w, int h) {
        BufferedImage image = rgb(w, h);
        Graphics2D g = canvas(image);
        Random random = new Random(11);
        sky(g, w, 0, (int) (h * 0.6), new Color(90, 160, 230), new Color(200, 230, 250));
        clouds(g, random, w, h, 4, new Color(255, 255, 255, 210));
        g.setPaint(new GradientPaint(0, (float) (h * 0.55), new Color(150, 200, 90), 0, h, new Color(60, 130, 40)));
        g.fill(below(ridge(random, w, h * 0.6, 0.5, h * 0.06), w, h));
        Color[] petals = {new Color(250, 250, 250), new Color(250, 210, 40), new Color(220, 60, 90), new Color(170, 90, 220)};
        for (int f = 0; f < 140; f++) {
            double y = h * (0.65 + random.nextDouble() * 0.35);
            double x = random.nextDouble() * w;
            double r = 4 + (y - h * 0.6) * 0.03;
            g.setColor(petals[random.nextInt(petals.length)]);
            g.fill(new Ellipse2D.Double(x - r, y - r, r * 2, r * 2));
        }
        g.dispose();
        return image;
    }

    static BufferedImage icon(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas(image);
        g.setColor(new Color(29, 53, 87));
        g.fill(new RoundRectangle2D.Double(8, 8, w - 16, h - 16, w / 4.0, h / 4.0));
        g.setColor(new Color(241, 180, 40));
        g.fill(new Ellipse2D.Double(w * 0.3, h * 0.3, w * 0.4, h * 0.4));
        g.dispose();
        return image;
    }
}
