// Helpers shared by the verify scripts.
import javax.imageio.ImageIO
import java.util.zip.ZipFile

return [
    // The width and height of an image file, or of an entry inside a jar or war.
    size: { Object where, String entry = null ->
        def image
        if (entry == null) {
            image = ImageIO.read(where as File)
        } else {
            new ZipFile(where as File).withCloseable { zip ->
                def found = zip.getEntry(entry)
                assert found != null: "${where} has no entry ${entry}"
                image = zip.getInputStream(found).withCloseable { ImageIO.read(it) }
            }
        }
        assert image != null: "not an image: ${where} ${entry ?: ''}"
        [image.width, image.height]
    },
    entries: { File archive ->
        new ZipFile(archive).withCloseable { zip -> zip.entries().collect { it.name } }
    },
    // The summary lines the plugin printed, in order.
    summaries: { File log ->
        log.readLines().findAll { it.contains('[imagefactory] ') && it.contains(' generated, ') }
                .collect { it.substring(it.indexOf('[imagefactory] ') + 15) }
    }
]
