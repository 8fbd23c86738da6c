/**
 * Property-based tests run with a fixed seed so that CI is reproducible: a failure is a real
 * failure, not a lucky draw. To explore new inputs locally, run with FC_SEED=random (or a number);
 * fast-check prints the seed and path of any counterexample.
 */
import * as fc from "fast-check";

const env = process.env.FC_SEED;
if (env !== "random") {
  const seed = env !== undefined && /^-?\d+$/.test(env) ? Number(env) : 20261128;
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
