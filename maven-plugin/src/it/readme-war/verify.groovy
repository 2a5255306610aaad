// The README's war, built by this Maven: everything a container needs is inside, and Tomcat 11 serves the
// pre-generated sizes and generates the others.
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.TimeUnit
import javax.imageio.ImageIO

def check = evaluate(new File(itSources, 'assertions.groovy'))
def war = new File(basedir, 'target/gallery-1.0.war')
assert war.isFile()
def entries = check.entries(war)
def libs = entries.findAll { it.startsWith('WEB-INF/lib/') }.collect { it.substring(12) }
assert libs.contains("imagefactory-filter-${projectVersion}.jar".toString())
assert libs.contains("imagefactory-core-${projectVersion}.jar".toString())
assert libs.any { it.startsWith('imageio-jpeg-') } && libs.any { it.startsWith('webp-imageio-') }
assert !libs.any { it.contains('servlet-api') }: "the container's API must not be inside the war: ${libs}"

def root = 'WEB-INF/imagefactory/photos/cat.jpg/'
assert check.size(war, root + 'x-800-y-750-cat.jpeg') == [800, 600]
assert check.size(war, root + 'x-1000-y-750-q-70-cat.jpeg') == [1000, 750]
new java.util.zip.ZipFile(war).withCloseable { zip ->
    def webp = zip.getInputStream(zip.getEntry(root + 'x-320-y-750-cat.webp')).bytes
    assert new String(webp, 0, 4, 'US-ASCII') == 'RIFF' && new String(webp, 8, 4, 'US-ASCII') == 'WEBP'
    def manifest = zip.getInputStream(zip.getEntry('WEB-INF/imagefactory/imagefactory-manifest.txt')).getText('UTF-8')
    assert manifest.readLines().findAll { it.startsWith('variant ') } == [
        'variant scalex=320&encoding=webp',
        'variant scalex=800&encoding=jpeg',
        'variant scalex=1600&encoding=jpeg&quality=70',
    ]
}
assert entries.contains('pictures/photos/cat.jpg')

def tomcat = new ProcessBuilder(
        new File(System.getProperty('java.home'), 'bin/java').path,
        '-cp', new File(tomcatJars).listFiles().findAll { it.name.endsWith('.jar') }.join(File.pathSeparator),
        new File(itSources, 'TomcatWarServer.java').path, war.path, new File(basedir, 'target/tomcat').path)
        .redirectErrorStream(true).redirectOutput(new File(basedir, 'tomcat.log')).start()
try {
    def log = new File(basedir, 'tomcat.log')
    def port = null
    def deadline = System.currentTimeMillis() + 60_000
    while (port == null && tomcat.alive && System.currentTimeMillis() < deadline) {
        port = log.readLines().find { it.startsWith('port ') }?.substring(5)
        if (port == null) sleep(200)
    }
    assert port != null: "Tomcat did not start the war; ${log}:\n${log.text}"

    def http = HttpClient.newHttpClient()
    def get = { String path, String accept = '*/*' ->
        def request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:${port}${path}")).header('Accept', accept)
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray())
    }
    def picture = { HttpResponse response -> ImageIO.read(new ByteArrayInputStream(response.body())) }

    def original = get('/picture/photos/cat.jpg')
    assert original.statusCode() == 200 && original.headers().firstValue('Content-Type').get() == 'image/jpeg'
    assert original.body() == new File(basedir, 'src/main/webapp/pictures/photos/cat.jpg').bytes

    def pregenerated = get('/picture/photos/cat.jpg?scalex=800')
    assert pregenerated.statusCode() == 200: new String(pregenerated.body(), 'UTF-8')
    assert pregenerated.headers().firstValue('Server-Timing').orElse('').contains('pregenerated')
    assert [picture(pregenerated).width, picture(pregenerated).height] == [800, 600]

    def webp = get('/picture/photos/cat.jpg?scalex=320&encoding=auto', 'image/webp,*/*')
    assert webp.statusCode() == 200 && webp.headers().firstValue('Content-Type').get() == 'image/webp'

    def snapped = get('/picture/photos/cat.jpg?scalex=700')
    assert snapped.statusCode() == 200 && picture(snapped).width == 800

    assert get('/picture/photos/cat.jpg?scalex=-3').statusCode() == 400
    assert get('/picture/photos/dog.jpg').statusCode() == 404
} finally {
    tomcat.outputStream.close()
    if (!tomcat.waitFor(30, TimeUnit.SECONDS)) {
        tomcat.destroyForcibly()
    }
}
true
