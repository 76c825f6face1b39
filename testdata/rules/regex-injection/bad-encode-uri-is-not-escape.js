const express = require('express');

const app = express();
const slugs = ['hello-world', 'release-notes'];

// encodeURIComponent leaves `*`, `(`, `)` and `.` as they are.
app.get('/slugs', (req, res) => {
  const re = new RegExp(encodeURIComponent(req.query.q)); // expect: regex-injection
  res.json(slugs.filter((s) => re.test(s)));
});

app.listen(3000);
