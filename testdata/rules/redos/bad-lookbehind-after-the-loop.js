'use strict';

// A version string that must end in a digit, checked with a lookbehind: the
// automaton cannot tell which suffix makes the match fail, so the attack
// tries characters the repetition does not use.
const VERSION = /^(?:\d|\d\d|\.)+(?<=\d)$/; // expect: redos

module.exports = (v) => VERSION.test(v);
