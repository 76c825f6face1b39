// A TCP server parses each data chunk with JSON.parse inside the socket's data listener, outside any try.
const net = require('net');

const counters = new Map();

const server = net.createServer((socket) => {
  socket.on('data', (chunk) => {
    const cmd = JSON.parse(chunk); // expect: swallowed-crash
    const value = (counters.get(cmd.key) || 0) + Number(cmd.by || 1);
    counters.set(cmd.key, value);
    socket.write(`${JSON.stringify({ key: cmd.key, value })}\n`);
  });
});

server.listen(7000);
