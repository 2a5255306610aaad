assert new File(basedir, 'build.log').text.contains('[imagefactory] skipped (imagefactory.skip)')
assert !new File(basedir, 'target').exists() || !new File(basedir, 'target').list().any { it.contains('imagefactory') }
true
