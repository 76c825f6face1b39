'use strict';

// The same search with one repetition: each label is matched one way.
const DOMAIN = /(?<=@)\w+(?:\.\w+)*$/;

function domainOf(address) {
  const m = DOMAIN.exec(address);
  return m ? m[0] : null;
}

module.exports = { domainOf };
