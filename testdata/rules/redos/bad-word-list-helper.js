'use strict';

// Text helpers shared by the importers. Nothing here sees a request yet,
// but every regex in this file ends up on somebody's input sooner or later.

function isPlainText(value) {
  return /^(\w+\s?)*$/.test(value); // expect: redos
}

function collapseSpaces(value) {
  return value.replace(/\s{2,}/g, ' ');
}

function words(value) {
  return value.split(' ').filter(Boolean);
}

module.exports = { isPlainText, collapseSpaces, words };
