const express = require('express');
const Product = require('./models/product');
const demoProducts = require('./data/demo-products.json');

const app = express();
const catalog = express.Router();

async function listProducts(req, res) {
  res.json(await Product.find().limit(50));
}

async function createProduct(req, res) {
  const product = await Product.create({ name: String(req.body.name), price: Number(req.body.price) });
  res.status(201).json(product);
}

catalog.route('/products').get(listProducts).post(createProduct);

// Staging helper: wipes the catalogue and loads the demo products.
catalog.route('/seed').post(async (req, res) => { // expect: ungated-dev-route
  await Product.deleteMany({});
  const inserted = await Product.insertMany(demoProducts);
  res.json({ inserted: inserted.length });
});

app.use(express.json());
app.use('/api/catalog', catalog);

app.listen(3000);
