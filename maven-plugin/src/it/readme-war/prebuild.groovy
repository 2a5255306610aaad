// This project's pom.xml must be, byte for byte, the war POM the README tells a user to paste: the README can then
// only show a POM that this build has just built and served.
def readmeFile = new File(readme)
def blocks = (readmeFile.getText('UTF-8') =~ /(?s)```xml\n(.*?)```/).collect { it[1] }
def wars = blocks.findAll { it.contains('<packaging>war</packaging>') }
assert wars.size() == 1: "${readmeFile} should show exactly one war POM (an ```xml block with " +
        "<packaging>war</packaging>), found ${wars.size()}"
def pom = new File(itSources, 'readme-war/pom.xml').getText('UTF-8')
assert wars[0] == pom: "${readmeFile}'s war POM and ${itSources}/readme-war/pom.xml differ: change both together"
def versionMessage = "the README's war POM should name version ${projectVersion} for the filter and the plugin"
assert pom.count("<version>${projectVersion}</version>") == 2: versionMessage

def image = evaluate(new File(itSources, 'images.groovy'))
image(new File(basedir, 'src/main/webapp/pictures/photos/cat.jpg'), 1000, 750, 'jpeg')
true
