const express = require('express');
const Product = require('./models/product');
const demoProducts = require('./data/demo-products.json');

const app = express();
app.use(express.json());

app.get('/api/catalog/products', async (req, res) => {
  res.json(await Product.find().limit(50));
});

// The route exists everywhere, but answers 404 unless seeding was switched on
// explicitly for this process.
app.post('/api/catalog/seed', async (req, res) => {
  if (process.env.ENABLE_SEED !== 'true') return res.status(404).end();

  await Product.deleteMany({});
  const inserted = await Product.insertMany(demoProducts);
  res.json({ inserted: inserted.length });
});

app.get('/debug/env', (req, res) => {
  if (process.env.ENABLE_DEBUG !== 'true') return res.status(404).end();
  res.json(process.env);
});

app.listen(3000);
