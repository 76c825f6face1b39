'use strict';

// A test that checks no rejection escapes listens for them on purpose.
const { test } = require('node:test');

test('does not leak rejections', async (t) => {
  let leaked = false;
  process.on('unhandledRejection', () => {
    leaked = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  t.assert.equal(leaked, false);
});
