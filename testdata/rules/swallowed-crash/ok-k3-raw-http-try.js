// A raw http server parses the collected body inside a try in req.on('end') and answers 400 on bad JSON.
const http = require('http');

const todos = [];

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/todos') {
    res.writeHead(404);
    return res.end();
  }
  let raw = '';
  req.on('data', (chunk) => { raw += chunk; });
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      return res.end('invalid JSON');
    }
    const todo = { id: todos.length + 1, title: String(body.title), done: false };
    todos.push(todo);
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(todo));
  });
});

server.listen(8080);
