const express = require('express');
const cache = require('./cache');
const fixtures = require('./fixtures');

const app = express();
const tools = express.Router();

// 404 unless the process runs with NODE_ENV=development.
function devOnly(req, res, next) {
  if (process.env.NODE_ENV !== 'development') return res.sendStatus(404);
  next();
}

tools.get('/debug/cache', devOnly, async (req, res) => {
  res.json(await cache.dump());
});

tools.post('/fixtures/reload', devOnly, async (req, res) => {
  const loaded = await fixtures.loadAll();
  res.json({ loaded });
});

app.use(express.json());
app.use('/api', tools);

app.listen(process.env.PORT || 3000);
