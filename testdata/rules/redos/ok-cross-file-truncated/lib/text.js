'use strict';

// Quadratic on long runs of spaces; callers bound the length first.
exports.TRAILING_SPACE = /\s+$/;
exports.MAX_TITLE = 200;
