const repo = require('../repositories/products');

exports.list = async (req, res) => {
  const { category = 'all' } = req.query;
  res.json(await repo.findByCategory(category));
};

exports.show = async (req, res) => {
  res.json(await repo.findBySku(req.params.sku));
};

exports.create = async (req, res) => {
  const { sku, name, price } = req.body;
  res.status(201).json(await repo.insert({ sku, name, price }));
};
