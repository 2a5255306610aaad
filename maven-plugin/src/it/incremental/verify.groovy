def check = evaluate(new File(itSources, 'assertions.groovy'))
def summaries = check.summaries(new File(basedir, 'build.log'))
assert summaries.size() == 3: summaries
assert summaries[0].startsWith('6 generated, 0 up to date, 0 removed, 0 failed; ')
// Nothing changed: no image work, and well under a second in the plugin.
assert summaries[1] ==~ /0 generated, 6 up to date, 0 removed, 0 failed; 0 B in -> 0 B out; 0\.\d s/
assert summaries[2].startsWith('2 generated, 4 up to date, 0 removed, 0 failed; ')

def variants = new File(basedir, 'target/variants')
def touched = new File(variants, 'b.jpg/x-64-y-100-b.jpeg').lastModified()
def untouched = new File(variants, 'a.jpg/x-64-y-100-a.jpeg').lastModified()
assert touched > untouched
assert new File(variants, 'a.jpg/x-128-y-100-a.jpeg').lastModified() < touched
assert new File(variants, 'c.png/x-64-y-200-c.png').lastModified() < touched
true
