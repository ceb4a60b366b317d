// Puts the README's Maven fragment into this project's pom.xml, so the README shows what is tested.
def fragments = (new File(readme).text =~ /(?s)<!-- tested by tf-consumer-test -->\s*```xml\n(.*?)```/)
assert fragments.size() == 1 : 'README.md must hold one ```xml block after <!-- tested by tf-consumer-test -->'
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('<!-- README fragment -->', fragments[0][1])
true  // the invoker goes on to the build only when the hook's value is true
