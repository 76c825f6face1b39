// A plain Node http server sets statusCode 500 and ends the response with err.stack.
const http = require('http');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, 'public');

const server = http.createServer((req, res) => {
  const file = path.join(ROOT, path.normalize(req.url === '/' ? '/index.html' : req.url));
  fs.readFile(file, (err, data) => {
    if (err) {
      res.statusCode = 500;
      res.end(err.stack); // expect: chatty-error
      return;
    }
    res.setHeader('Content-Type', 'text/html');
    res.end(data);
  });
});

server.listen(8080);
