const http = require('http');
const { Server } = require('socket.io');
const mongoose = require('mongoose');

const Room = mongoose.model('Room', new mongoose.Schema({ name: String, owner: String }));
const server = http.createServer();
const io = new Server(server);

// socket.io payloads are parsed JSON: `{ "owner": { "$ne": null } }` works.
io.on('connection', (socket) => {
  socket.on('rooms:list', async (query, ack) => {
    ack(await Room.find({ owner: query.owner })); // expect: nosql-injection
  });
});

server.listen(3000);
