const express = require('express');
const morgan = require('morgan');

const app = express();
app.disable('x-powered-by');

app.use(morgan('tiny'));
app.use(express.json());

app.get('/api/ping', (req, res) => {
  res.json({ pong: true });
});

app.listen(process.env.PORT || 3000);
