const express = require('express');

const app = express();

app.use(express.json());

app.get('/api/ping', (req, res) => res.send('pong'));
app.post('/api/echo', (req, res) => res.json(req.body));

// A setting, not a middleware: Express reads it on every request, so where
// it is written at startup does not matter.
app.disable('x-powered-by');

app.listen(3000);
