const Server = require('./server');
const search = require('./search');

const app = Server.instance.app;

app.get('/api/search', async (req, res) => {
  const q = String(req.query.q || '').slice(0, 200);
  res.json(await search.query(q));
});

app.get('/api/health', (req, res) => res.json({ ok: true }));

app.listen(process.env.PORT || 8090, () => {
  console.log('search gateway listening');
});
