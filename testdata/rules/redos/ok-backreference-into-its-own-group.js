// A backreference inside the group it names matches the empty string in
// JavaScript: `(a\1+)` is `(a)`. (The analysis once recursed on it without
// end and crashed the run.)
const SELF = /(a\1+)b/;
const RING = /(x\2)(y\1)z/;

module.exports = (s) => SELF.test(s) || RING.test(s);
