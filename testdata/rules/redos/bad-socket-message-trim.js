const http = require('http');
const { Server } = require('socket.io');

const server = http.createServer();
// socket.io's default buffer takes 1 MB messages.
const io = new Server(server);

io.on('connection', (socket) => {
  socket.on('rename', (name) => {
    socket.emit('renamed', String(name).replace(/\s+$/, '')); // expect: redos
  });
});

server.listen(3000);
