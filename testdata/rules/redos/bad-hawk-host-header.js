'use strict';

const http = require('http');

// Same pattern as hawk 9.0.0's hostHeaderRegex (CVE-2022-29167): an "\r\n"
// can be taken by (?:\r\n)? or by \s, twice per repetition.
const HOST_HEADER = /^(?:(?:\r\n)?\s)*((?:[^:]+)|(?:\[[^\]]+\]))(?::(\d+))?(?:(?:\r\n)?\s)*$/; // expect: redos

function parseHost(req) {
  const header = req.headers['x-forwarded-host'] || req.headers.host || '';
  const match = header.match(HOST_HEADER);
  if (!match) return null;
  return { name: match[1].toLowerCase(), port: match[2] ? Number(match[2]) : 80 };
}

http
  .createServer((req, res) => {
    const host = parseHost(req);
    if (!host) {
      res.statusCode = 400;
      return res.end('Bad Host header');
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(host));
  })
  .listen(8080);
