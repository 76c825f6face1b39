const express = require('express');
const { matcher } = require('./match');

const app = express();
app.use(express.json());

app.post('/filter', (req, res) => {
  const test = matcher(req.body.pattern);
  res.json(['a', 'b'].filter(test));
});

app.listen(3000);
