const express = require('express');
const helmet = require('helmet');

const app = express(); // expect: missing-helmet
const admin = express();

// Only the admin server got the headers.
admin.use(helmet());
admin.get('/', (req, res) => res.send('<h1>admin</h1>'));

app.use(express.json());
app.get('/api/products', (req, res) => res.json([]));

app.listen(3000);
admin.listen(3001);
