def check = evaluate(new File(itSources, 'assertions.groovy'))
def jar = new File(basedir, 'target/jar-project-1.0.jar')
def root = 'static/imagefactory/'
assert check.size(jar, root + 'logo.PNG/x-300-y-100-logo.png') == [150, 100]
def entries = check.entries(jar).findAll { it.startsWith(root) && !it.endsWith('/') }
assert entries.sort() == [root + 'imagefactory-manifest.txt', root + 'logo.PNG/x-300-y-100-logo.png']
def summaries = check.summaries(new File(basedir, 'build.log'))
assert summaries.size() == 1 && summaries[0].startsWith('1 generated, 0 up to date, 0 removed, 0 failed; '): summaries
true
