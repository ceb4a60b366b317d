// The program ran with the README's dependencies: its output, and TensorFlow's warning through tf-logging.
def log = new File(basedir, 'build.log').text
assert log.contains('<tf.Tensor: shape=(3,), dtype=float32, numpy=array([2., 4., 6.], dtype=float32)>')
assert log.contains('WARNING:tensorflow:Calling GradientTape.gradient on a persistent tape inside its context')
assert !log.contains('SLF4J')
