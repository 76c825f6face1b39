const express = require('express');

const app = express();

app.get('/validate', (req, res) => {
  let pattern;
  switch (req.query.type) {
    case 'zip':
      pattern = '^\\d{5}$';
      break;
    case 'phone':
      pattern = '^\\+?[0-9 ]{7,15}$';
      break;
    default:
      pattern = '^.+$';
  }
  const re = new RegExp(pattern);
  res.json({ valid: re.test(String(req.query.value)) });
});

app.listen(3000);
