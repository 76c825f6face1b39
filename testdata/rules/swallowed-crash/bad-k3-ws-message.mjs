// A ws chat server parses each message with JSON.parse in the message listener, outside any try.
import { createServer } from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';

const server = createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('chat server');
});
const wss = new WebSocketServer({ server });

wss.on('connection', (ws) => {
  ws.on('message', (msg) => {
    const m = JSON.parse(msg); // expect: swallowed-crash
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(JSON.stringify({ room: m.room, text: m.text }));
    }
  });
});

server.listen(8080);
