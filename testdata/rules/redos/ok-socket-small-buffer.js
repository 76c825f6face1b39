const http = require('http');
const { Server } = require('socket.io');

const server = http.createServer();
// Messages over 1 KB close the connection before any handler runs.
const io = new Server(server, { maxHttpBufferSize: 1e3 });

io.on('connection', (socket) => {
  socket.on('rename', (name) => {
    socket.emit('renamed', String(name).replace(/\s+$/, ''));
  });
});

server.listen(3000);
