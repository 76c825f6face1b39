const http = require('http');

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('ok');
});

process.on('uncaughtException', console.error); // expect: swallowed-crash

server.listen(8080);
