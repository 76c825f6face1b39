// Quick-start example shown on the docs page: the smallest webhook receiver
// for Acme events. Copy it into your own project and add your handler.
const express = require('express');

const app = express();
app.use(express.json());

app.post('/acme/webhook', (req, res) => {
  console.log('event', req.body.type);
  res.sendStatus(204);
});

app.listen(3000, () => console.log('listening on http://localhost:3000'));
