/**
 * Every test must assert something: a test that makes no assertion fails (issue 11: tests that
 * no change to src could fail are defects). fast-check properties count their inner `expect`s.
 */
beforeEach(() => {
  expect.hasAssertions();
});
