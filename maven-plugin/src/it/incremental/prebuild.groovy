def image = evaluate(new File(itSources, 'images.groovy'))
image(new File(basedir, 'images/a.jpg'), 200, 100, 'jpeg')
image(new File(basedir, 'images/b.jpg'), 200, 100, 'jpeg')
image(new File(basedir, 'images/c.png'), 100, 200, 'png')
true
