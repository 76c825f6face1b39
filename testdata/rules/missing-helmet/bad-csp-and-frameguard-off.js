const express = require('express');
const helmet = require('helmet');

const app = express();

// The embedded widget "didn't work", so both protections went.
app.use(helmet({ contentSecurityPolicy: false, frameguard: false })); // expect: missing-helmet
app.use(express.json());

app.get('/widget', (req, res) => {
  res.send('<script src="/widget.js"></script>');
});

app.listen(3000);
