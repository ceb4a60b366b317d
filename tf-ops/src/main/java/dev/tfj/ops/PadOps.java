package dev.tfj.ops;

import static dev.tfj.ops.GradientFn.grads;

import dev.tfj.errors.InvalidArgumentError;

/**
 * Ops that grow a tensor along its axes: padding with a constant or a mirror image, and tiling.
 * Shape rules carry the messages of TensorFlow's kernels; gradients follow array_grad.py.
 */
public final class PadOps {
  private PadOps() {}

  static void load() {}

  /** Pad(input, paddings): zeros around; the gradient slices the middle of dy back out. */
  public static final Op PAD = Op.define("Pad")
      .outputShape((in, a) -> constantPadShape(in))
      .gradient((o, c) -> grads(unpad(o, c), null));

  /** PadV2(input, paddings, constant_values): the constant gets no gradient, as in TensorFlow. */
  public static final Op PAD_V2 = Op.define("PadV2")
      .outputShape((in, a) -> {
        long[] out = constantPadShape(in);
        if (in[2].shape().length != 0) {
          throw new InvalidArgumentError("constant_values must be a scalar. Found: "
              + Shapes.str(in[2].shape()));
        }
        return out;
      })
      .gradient((o, c) -> grads(unpad(o, c), null, null));

  /** MirrorPad(input, paddings; mode REFLECT or SYMMETRIC); its gradient folds dy back. */
  public static final Op MIRROR_PAD = Op.define("MirrorPad")
      .outputShape((in, a) -> mirrorPadShape(in, a))
      .gradient((o, c) -> grads(o.mirrorPadGrad(c.dy(), c.y(), mode(c.attrs())), null));

  /** MirrorPadGrad(input, paddings; mode): sums each mirrored element onto its source. */
  public static final Op MIRROR_PAD_GRAD = Op.define("MirrorPadGrad")
      .outputShape((in, a) -> mirrorPadGradShape(in, a))
      .gradient((o, c) -> grads(o.mirrorPad(c.dy(), c.y(), mode(c.attrs())), null));

  /** Tile(input, multiples); the gradient sums dy over the copies. */
  public static final Op TILE = Op.define("Tile")
      .outputShape(PadOps::tileShape)
      .gradient((o, c) -> {
        long[] x = c.x().shape();
        long[] multiples = c.y().longValues();
        long[] interleaved = new long[2 * x.length];
        int[] copies = new int[x.length];
        for (int i = 0; i < x.length; i++) {
          interleaved[2 * i] = multiples[i];
          interleaved[2 * i + 1] = x[i];
          copies[i] = 2 * i;
        }
        return grads(o.reduceSum(o.reshape(c.dy(), interleaved), copies, false), null);
      });

  public static String mode(Attrs attrs) {
    return (String) attrs.get("mode");
  }

  /** 1 where a mirror leaves out the edge it reflects about (REFLECT), 0 where it repeats it. */
  public static int mirrorOffset(Attrs attrs) {
    return mode(attrs).equals("REFLECT") ? 1 : 0;
  }

  private static Operand unpad(OpRunner o, OpCall c) {
    long[] paddings = c.y().longValues();
    long[] begin = new long[c.x().shape().length];
    for (int i = 0; i < begin.length; i++) {
      begin[i] = paddings[2 * i];
    }
    return o.slice(c.dy(), begin, c.x().shape());
  }

  // ---- shape rules ----

  /** The paddings matrix, checked to be [rank, 2], flattened as before0, after0, before1, ... */
  private static long[] paddings(Operand[] in, String separator) {
    long[] p = in[1].shape();
    if (p.length != 2 || p[1] != 2) {
      throw new InvalidArgumentError("paddings must be a matrix with 2 columns: " + Shapes.str(p));
    }
    long[] x = in[0].shape();
    if (p[0] != x.length) {
      throw new InvalidArgumentError("The first dimension of paddings must be the rank of inputs"
          + Shapes.str(p) + separator + Shapes.str(x));
    }
    return in[1].longValues();
  }

  private static long[] constantPadShape(Operand[] in) {
    long[] x = in[0].shape();
    long[] p = paddings(in, " ");
    long[] out = new long[x.length];
    for (int d = 0; d < x.length; d++) {
      if (p[2 * d] < 0 || p[2 * d + 1] < 0) {
        throw new InvalidArgumentError("Paddings must be non-negative: " + p[2 * d] + " "
            + p[2 * d + 1]);
      }
      out[d] = p[2 * d] + x[d] + p[2 * d + 1];
    }
    return out;
  }

  private static long[] mirrorPadShape(Operand[] in, Attrs a) {
    long[] x = in[0].shape();
    long[] p = paddings(in, ", ");
    boolean reflect = mirrorOffset(a) == 1;
    long[] out = new long[x.length];
    for (int d = 0; d < x.length; d++) {
      long before = p[2 * d];
      long after = p[2 * d + 1];
      if (before < 0 || after < 0) {
        throw new InvalidArgumentError("paddings must be non-negative: " + before + " " + after);
      }
      checkMirrorWidth(before, after, x[d], reflect, "dimension size");
      out[d] = before + x[d] + after;
    }
    return out;
  }

  private static long[] mirrorPadGradShape(Operand[] in, Attrs a) {
    long[] x = in[0].shape();
    long[] p = paddings(in, " ");
    boolean reflect = mirrorOffset(a) == 1;
    long[] out = new long[x.length];
    for (int d = 0; d < x.length; d++) {
      long before = p[2 * d];
      long after = p[2 * d + 1];
      if (before < 0 || after < 0) {
        throw new InvalidArgumentError("Paddings must be non-negative: " + before + ", " + after);
      }
      long total = before + after;
      if (total >= x[d]) {
        throw new InvalidArgumentError("Total paddings must be less than the input dimension size: "
            + total + " was not less than " + x[d]);
      }
      out[d] = x[d] - total;
      checkMirrorWidth(before, after, out[d], reflect, "output dimension size");
    }
    return out;
  }

  /** A mirror may not reach past the edge it reflects about (REFLECT) or past the copy (SYMMETRIC). */
  private static void checkMirrorWidth(long before, long after, long size, boolean reflect,
      String what) {
    if (reflect && (before >= size || after >= size)) {
      throw new InvalidArgumentError("paddings must be less than the " + what + ": " + before + ", "
          + after + " not less than " + size);
    }
    if (!reflect && (before > size || after > size)) {
      throw new InvalidArgumentError("paddings must be no greater than the " + what + ": " + before
          + ", " + after + " greater than " + size);
    }
  }

  private static long[] tileShape(Operand[] in, Attrs a) {
    long[] x = in[0].shape();
    long[] multiples = in[1].longValues();
    if (in[1].shape().length != 1 || multiples.length != x.length) {
      throw new InvalidArgumentError("Expected multiples argument to be a vector of length "
          + x.length + " but got length " + multiples.length);
    }
    long[] out = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      if (multiples[i] < 0) {
        throw new InvalidArgumentError("Expected multiples[" + i + "] >= 0, but got "
            + multiples[i]);
      }
      out[i] = x[i] * multiples[i];
    }
    return out;
  }
}
