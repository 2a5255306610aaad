def image = evaluate(new File(itSources, 'images.groovy'))
image(new File(basedir, 'images/good.jpg'), 200, 100, 'jpeg')
image(new File(basedir, 'images/also-good.png'), 200, 100, 'png')
def truncated = image(new File(basedir, 'images/truncated.jpg'), 200, 100, 'jpeg')
truncated.bytes = truncated.bytes[0..<(truncated.bytes.length.intdiv(3))] as byte[]
new File(basedir, 'images/notes.jpg').text = 'not a picture'
true
