const express = require('express');
const cors = require('cors');
const helmet = require('helmet');
const morgan = require('morgan');

const app = express();

// Logging, CORS and body parsing answer no requests themselves: helmet still
// runs before every route.
app.use(morgan('combined'));
app.use(cors({ origin: 'https://app.example.com' }));
app.use(express.json());
app.use(express.urlencoded({ extended: false }));
app.use(helmet());

app.use(express.static('public'));
app.get('/api/events', (req, res) => res.json([]));

app.listen(3000);
