const express = require('express');
const security = require('./middleware/security');

const app = express();

app.use(security);
app.use(express.urlencoded({ extended: false }));

app.get('/', (req, res) => {
  res.send('<!doctype html><h1>Spring sale</h1><script src="https://cdn.example.com/a.js"></script>');
});

app.post('/newsletter', (req, res) => {
  res.redirect('/?subscribed=1');
});

app.listen(process.env.PORT || 3000);
