const express = require('express');
const morgan = require('morgan');

const isProduction = process.env.NODE_ENV === 'production';

const app = express(); // expect: x-powered-by

if (isProduction) {
  app.disable('x-powered-by');
  app.set('trust proxy', 1);
} else {
  app.use(morgan('dev'));
}

app.use(express.json());

app.get('/api/ping', (req, res) => res.send('pong'));

app.listen(process.env.PORT || 3000);
