// Writes a small real image with ImageIO: the integration tests need pictures but ship none.
import java.awt.Color
import java.awt.GradientPaint
import java.awt.image.BufferedImage
import javax.imageio.ImageIO

return { File file, int width, int height, String format ->
    def image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB)
    def g = image.createGraphics()
    g.paint = new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE)
    g.fillRect(0, 0, width, height)
    g.dispose()
    file.parentFile.mkdirs()
    assert ImageIO.write(image, format, file)
    file
}
