const TRAILING_SEPARATORS = /[\s\-_]+$/;

function cleanSubject(subject) {
  return subject.replace(TRAILING_SEPARATORS, '');
}

module.exports = { cleanSubject };
