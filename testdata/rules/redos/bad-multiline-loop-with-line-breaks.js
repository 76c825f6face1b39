'use strict';

// Runs of `a` and `aa`, line by line: with `m` a line break in the loop lets
// `$` end a match early, but a long line without one still backtracks
// through every way of splitting its letters.
const RUNS = /^(?:a|\n|aa)+$/m; // expect: redos

module.exports = (text) => RUNS.test(text);
