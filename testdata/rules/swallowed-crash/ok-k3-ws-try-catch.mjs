// A ws chat server parses each message inside a try whose catch tells the client the message was invalid.
import { createServer } from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';

const server = createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('chat server');
});
const wss = new WebSocketServer({ server });

wss.on('connection', (ws) => {
  ws.on('message', (msg) => {
    let m;
    try {
      m = JSON.parse(msg);
    } catch {
      ws.send(JSON.stringify({ error: 'invalid JSON' }));
      return;
    }
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(JSON.stringify({ room: m.room, text: m.text }));
    }
  });
});

server.listen(8080);
