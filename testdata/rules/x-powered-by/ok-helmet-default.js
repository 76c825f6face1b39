const express = require('express');
const helmet = require('helmet');

const app = express();

app.use(helmet());
app.use(express.json());

app.get('/api/notes', (req, res) => {
  res.json([]);
});

app.listen(3000);
