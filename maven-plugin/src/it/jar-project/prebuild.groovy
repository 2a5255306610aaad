def image = evaluate(new File(itSources, 'images.groovy'))
image(new File(basedir, 'src/main/images/logo.PNG'), 300, 200, 'png')
image(new File(basedir, 'src/main/images/drafts/sketch.jpg'), 300, 200, 'jpeg')
new File(basedir, 'src/main/images/README.txt').text = 'not an image, and not selected by the default includes'
true
