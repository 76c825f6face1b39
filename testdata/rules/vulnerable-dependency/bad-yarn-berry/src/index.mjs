import axios from 'axios';
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', async (socket) => {
  const { data } = await axios.get('https://example.com/feed');
  socket.send(JSON.stringify(data));
});
