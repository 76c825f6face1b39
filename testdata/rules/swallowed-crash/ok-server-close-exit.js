const http = require('http');

const server = http.createServer((req, res) => res.end('ok'));
server.listen(8080);

process.on('uncaughtException', (err) => {
  console.error(err);
  server.close(() => process.exit(1));
});
