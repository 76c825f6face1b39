const TRAILING_SEPARATORS = /[\s\-_]+$/;

// The helper never sees `req`: the client text arrives as a parameter.
function cleanSubject(subject) {
  return String(subject).replace(TRAILING_SEPARATORS, ''); // expect: redos
}

module.exports = { cleanSubject };
