def image = evaluate(new File(itSources, 'images.groovy'))
image(new File(basedir, 'src/main/webapp/pictures/cat.jpg'), 640, 480, 'jpeg')
image(new File(basedir, 'src/main/webapp/pictures/gallery/dog.png'), 480, 640, 'png')
true
