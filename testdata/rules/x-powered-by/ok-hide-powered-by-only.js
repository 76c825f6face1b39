const express = require('express');
const helmet = require('helmet');

const app = express();

app.use(helmet.hidePoweredBy());
app.use(helmet.noSniff());
app.use(express.json());

app.get('/api/time', (req, res) => {
  res.json({ now: new Date().toISOString() });
});

app.listen(3000);
