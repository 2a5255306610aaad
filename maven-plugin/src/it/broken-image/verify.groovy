def log = new File(basedir, 'build.log').text
def images = new File(basedir, 'images').canonicalPath
assert log.contains('2 of 4 source images could not be processed')
assert log.contains("${images}/truncated.jpg: ")
assert log.contains("${images}/notes.jpg: not a JPEG, PNG, GIF, BMP or WebP image")
assert log.contains('<failOnError>false</failOnError>')
// The good ones are still written, and listed in the manifest.
def variants = new File(basedir, 'target/variants')
assert new File(variants, 'good.jpg/x-50-y-100-good.jpeg').isFile()
assert new File(variants, 'also-good.png/x-50-y-100-also-good.png').isFile()
assert new File(variants, 'imagefactory-manifest.txt').readLines().findAll { it.startsWith('file ') } ==
        ['file also-good.png/x-50-y-100-also-good.png', 'file good.jpg/x-50-y-100-good.jpeg']
true
