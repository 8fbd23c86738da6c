/**
 * Property-based tests run with a fixed seed so that CI is reproducible: a failure is a real
 * failure, not a lucky draw. To explore new inputs locally, run with FC_SEED=random (or a number);
 * fast-check prints the seed and path of any counterexample.
 */
import * as fc from "fast-check";

// Every fc.assert counts as an assertion for jest (test/setup/assertions.ts), and a failure
// shows fast-check's counterexample report.
const report = (out: fc.RunDetails<unknown>): void => {
  expect(out.failed ? fc.defaultReportMessage(out) : "no counterexample").toBe("no counterexample");
};
const env = process.env.FC_SEED;
const seed = env === "random" ? {} : { seed: env !== undefined && /^-?\d+$/.test(env) ? Number(env) : 20261128 };
fc.configureGlobal({ ...fc.readConfigureGlobal(), ...seed, reporter: report });
