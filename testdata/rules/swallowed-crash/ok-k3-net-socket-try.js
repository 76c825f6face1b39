// A TCP server parses each data chunk inside a try in the socket's data listener and answers with an error line.
const net = require('net');

const counters = new Map();

const server = net.createServer((socket) => {
  socket.on('data', (chunk) => {
    try {
      const cmd = JSON.parse(chunk);
      const value = (counters.get(cmd.key) || 0) + Number(cmd.by || 1);
      counters.set(cmd.key, value);
      socket.write(`${JSON.stringify({ key: cmd.key, value })}\n`);
    } catch (err) {
      socket.write(`${JSON.stringify({ error: 'invalid command' })}\n`);
    }
  });
});

server.listen(7000);
