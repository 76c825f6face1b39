const express = require('express');
const helmet = require('helmet');

const app = express();

app.use(helmet());
app.use(express.json());

app.get('/api/recipes', (req, res) => {
  res.json([]);
});

app.listen(process.env.PORT || 3000);
