'use strict';

const express = require('express');

const jobs = require('./jobs');

// Same pattern as ansi-html 0.0.7 (CVE-2021-23424): (\d+)* splits a run of
// digits in exponentially many ways when no "m" follows.
const SGR = /\033\[(\d+)*m/g; // expect: redos

const COLORS = { 31: 'red', 32: 'green', 33: 'yellow', 34: 'blue' };

function ansiToHtml(text) {
  return text.replace(SGR, (_, code) => (COLORS[code] ? `<span class="${COLORS[code]}">` : '</span>'));
}

const router = express.Router();

router.get('/jobs/:id/log', async (req, res) => {
  const log = await jobs.readLog(req.params.id);
  res.type('html').send(`<pre>${ansiToHtml(log)}</pre>`);
});

module.exports = router;
