const repo = require('../repositories/products');

exports.list = async (req, res) => {
  const { category = 'all', sort = 'name' } = req.query;
  res.json(await repo.findByCategory(category, sort));
};

exports.show = async (req, res) => {
  const sku = req.params.sku;
  res.json(await repo.findBySku(sku));
};
