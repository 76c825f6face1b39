const express = require('express');
const helmet = require('helmet');

const app = express();

// Third-party images without CORP headers: only COEP is relaxed.
app.use(helmet({ crossOriginEmbedderPolicy: false }));

app.get('/gallery', (req, res) => {
  res.send('<img src="https://images.example.org/cat.jpg">');
});

app.listen(3000);
