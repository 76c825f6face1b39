// A raw http server parses the collected request body with JSON.parse inside req.on('end'), outside any try.
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
    const body = JSON.parse(raw); // expect: swallowed-crash
    const todo = { id: todos.length + 1, title: String(body.title), done: false };
    todos.push(todo);
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(todo));
  });
});

server.listen(8080);
