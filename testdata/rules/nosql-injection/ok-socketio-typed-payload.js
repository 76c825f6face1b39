const http = require('http');
const { Server } = require('socket.io');
const mongoose = require('mongoose');

const Room = mongoose.model('Room', new mongoose.Schema({ name: String, owner: String }));
const server = http.createServer();
const io = new Server(server);

io.on('connection', (socket) => {
  socket.on('rooms:list', async (query, ack) => {
    if (typeof query.owner !== 'string') {
      return ack([]);
    }
    ack(await Room.find({ owner: query.owner }));
  });
});

server.listen(3000);
