'use strict';

// The domain of an address, found after its `@`: the lookbehind asks for
// the `@` before the repetition, and the attack has to supply it for the
// backtracking to start.
const DOMAIN = /(?<=@)(\w+\.?)+$/; // expect: redos

function domainOf(address) {
  const m = DOMAIN.exec(address);
  return m ? m[0] : null;
}

module.exports = { domainOf };
