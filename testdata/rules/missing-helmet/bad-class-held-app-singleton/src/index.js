const Server = require('./server');
const items = require('./items');

const app = Server.instance.app;

app.get('/api/health', (req, res) => res.json({ ok: true }));

app.get('/api/items', (req, res) => {
  res.json(items.list());
});

app.get('/api/items/:sku', (req, res) => {
  const item = items.find(req.params.sku);
  if (!item) return res.status(404).json({ error: 'not found' });
  res.json(item);
});

app.listen(process.env.PORT || 8080, () => {
  console.log('inventory api up');
});
