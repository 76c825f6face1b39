const express = require('express');
const helmet = require('helmet');
const cors = require('cors');
const compression = require('compression');

const app = express();

const baseMiddleware = [helmet(), cors(), compression(), express.json()];
app.use(baseMiddleware);

app.get('/api/quotes', (req, res) => {
  res.json([{ text: 'Simplicity is prerequisite for reliability.' }]);
});

app.listen(3000);
