package dev.tfj.compat.nn;

import dev.tfj.eager.RandomSeeds;
import dev.tfj.tf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.tensorflow.EagerSession;
import org.tensorflow.op.Ops;

/**
 * For tests of seeded random numbers: each test gets a fresh TensorFlow Java session (fresh
 * per-(op, attrs) generators, as TensorFlow's kernel cache starts empty) and tf.random.set_seed
 * with {@link #GLOBAL} (which restarts TFJ's generators), so an op with op seed s runs with
 * seed=GLOBAL, seed2=s on both sides. The global seed is cleared afterwards.
 */
public abstract class SeededAgainstTensorFlow {
  protected static final long GLOBAL = 20240611;

  protected EagerSession session;
  protected Ops tfe;

  @BeforeEach
  void openFreshSession() {
    session = EagerSession.create();
    tfe = Ops.create(session);
    tf.random.set_seed(GLOBAL);
  }

  @AfterEach
  void closeSessionAndClearTheSeed() {
    session.close();
    RandomSeeds.setGlobalSeed(null);
  }
}
