def check = evaluate(new File(itSources, 'assertions.groovy'))
def war = new File(basedir, 'target/war-project-1.0.war')
assert war.isFile()
def root = 'WEB-INF/imagefactory/'
def entries = check.entries(war)

assert check.size(war, root + 'cat.jpg/x-160-y-160-q-60-cat.jpeg') == [160, 120]
assert check.size(war, root + 'gallery/dog.png/x-160-y-160-q-60-dog.jpeg') == [120, 160]
assert entries.contains(root + 'cat.jpg/x-320-y-480-cat.webp')
assert entries.contains(root + 'gallery/dog.png/x-320-y-640-dog.webp')
new java.util.zip.ZipFile(war).withCloseable { zip ->
    def bytes = zip.getInputStream(zip.getEntry(root + 'cat.jpg/x-320-y-480-cat.webp')).bytes
    assert new String(bytes, 0, 4, 'US-ASCII') == 'RIFF' && new String(bytes, 8, 4, 'US-ASCII') == 'WEBP'

    def manifest = zip.getInputStream(zip.getEntry(root + 'imagefactory-manifest.txt')).getText('UTF-8').readLines()
    assert manifest == [
        '# imagefactory variant manifest 1',
        'variant scalex=320&encoding=webp',
        'variant scalex=160&scaley=160&encoding=jpeg&quality=60',
        'file cat.jpg/x-160-y-160-q-60-cat.jpeg',
        'file cat.jpg/x-320-y-480-cat.webp',
        'file gallery/dog.png/x-160-y-160-q-60-dog.jpeg',
        'file gallery/dog.png/x-320-y-640-dog.webp',
    ]
}
// The originals are still served from the war; the incremental state stays out of it.
assert entries.contains('pictures/cat.jpg')
assert !entries.any { it.contains('state-') }
assert new File(basedir, 'target/imagefactory-state').list().any { it.startsWith('state-') }
assert check.summaries(new File(basedir, 'build.log'))[0].startsWith('4 generated, 0 up to date, 0 removed, 0 failed; ')
true
